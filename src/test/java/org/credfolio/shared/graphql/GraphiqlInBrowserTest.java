package org.credfolio.shared.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.util.List;
import java.util.Map;
import org.credfolio.support.BrowserSession;
import org.credfolio.support.BrowserSession.Size;
import org.credfolio.support.BrowserSession.View;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.Test;

/**
 * GraphiQL as a developer uses it with the {@code dev} profile, in the shared headless Chromium
 * (which has no internet access, so GraphiQL rendering at all shows its assets are the app's): the
 * editor renders with the headers editor open under a one-line hint, a query runs, and a bearer
 * token pasted into the headers editor reaches {@code /graphql}. No request leaves the page's
 * origin and its Content-Security-Policy refuses nothing. Skipped when no Chromium is installed.
 */
class GraphiqlInBrowserTest extends DevProfileTest {

    /** Runs in each new document before its own scripts: records what the page's policy refuses. */
    private static final String WATCH_POLICY = "window.credfolioRefused=[];"
            + "document.addEventListener('securitypolicyviolation',function(e){"
            + "window.credfolioRefused.push(e.violatedDirective+' '+e.blockedURI);});";

    /**
     * GraphiQL's state: rendered, schema loaded, which editor tool shows, the hint's box, the result
     * pane's text.
     */
    private static final String STATE = "JSON.stringify((function(){"
            + "function cm(s){var e=document.querySelector(s);return e&&e.CodeMirror?e.CodeMirror:null;}"
            + "var q=cm('.graphiql-query-editor .CodeMirror');var r=cm('.result-window .CodeMirror');"
            + "var h=document.querySelector('.hint');"
            + "var hb=h?h.getBoundingClientRect():null;"
            + "return {rendered:!!document.querySelector('.graphiql-container')&&!!q,"
            + "schema:!!(q&&q.options.hintOptions&&q.options.hintOptions.schema),"
            + "headersShown:!!cm('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror')"
            + "&&!!document.querySelector('.graphiql-editor-tools button.active[data-name=headers]'),"
            + "hintTop:hb?hb.top:-1,hintHeight:hb?hb.height:-1,"
            + "result:r?r.getValue():''};})())";

    /** Every URL the page loaded (itself included) and what its policy refused. */
    private static final String REQUESTS = "JSON.stringify({urls:[location.href].concat("
            + "performance.getEntriesByType('resource').map(function(e){return e.name;})),"
            + "refused:window.credfolioRefused||['watch missing']})";

    @Test
    void graphiqlRunsQueriesWithAPastedBearerTokenFromLocalAssetsOnly() throws Exception {
        BrowserSession browser = BrowserSession.shared();
        browser.resize(Size.DESKTOP);
        Tenants.User registrar = tenants.create().registrarA();
        String token = login(registrar);
        String origin = "http://localhost:" + port;

        browser.call("Page.enable", Map.of());
        Map<?, ?> watch = browser.call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_POLICY));
        try {
            View view = browser.load(origin + "/graphiql");
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.title()).isEqualTo("Credfolio GraphiQL");
            assertThat(view.text()).contains("POST /auth/token", "{\"Authorization\": \"Bearer <token>\"}");

            // Rendered, and the schema loaded through /graphql (for the docs and autocompletion).
            Map<String, Object> state = browser.settle(
                    STATE, m -> Boolean.TRUE.equals(m.get("rendered")) && Boolean.TRUE.equals(m.get("schema")));
            assertThat(state.get("headersShown"))
                    .as("the headers editor is open")
                    .isEqualTo(true);
            assertThat(((Number) state.get("hintTop")).doubleValue()).isZero();
            assertThat(((Number) state.get("hintHeight")).doubleValue())
                    .as("the hint is one line")
                    .isBetween(1.0, 40.0);

            run(browser, "{ __typename }", "");
            browser.settle(STATE, m -> String.valueOf(m.get("result")).contains("\"__typename\": \"Query\""));

            run(browser, "{ myAccount { username } }", "{\"Authorization\": \"Bearer " + token + "\"}");
            Map<String, Object> signedIn =
                    browser.settle(STATE, m -> String.valueOf(m.get("result")).contains("\"myAccount\""));
            assertThat((String) signedIn.get("result")).contains("\"username\": \"" + registrar.username() + "\"");

            Map<String, Object> requests = browser.evaluateJson(REQUESTS);
            assertThat((List<?>) requests.get("urls")).isNotEmpty().allSatisfy(url -> assertThat((String) url)
                    .startsWith(origin + "/"));
            assertThat((List<?>) requests.get("refused"))
                    .as("refused by the page's policy")
                    .isEmpty();

            // The policy does refuse another origin, before any request, and the watch sees it: a
            // loopback port of no server, so nothing leaves the machine even if it did not.
            browser.evaluate("(function(){var i=document.createElement('img');"
                    + "i.src='http://127.0.0.1:1/x.png';document.body.appendChild(i);})()");
            Map<String, Object> refused = browser.settle(REQUESTS, m -> !((List<?>) m.get("refused")).isEmpty());
            assertThat((List<Object>) refused.get("refused")).containsExactly("img-src http://127.0.0.1:1/x.png");
        } finally {
            browser.call("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", watch.get("identifier")));
            browser.call("Page.disable", Map.of());
        }
    }

    /**
     * Puts the query and headers into GraphiQL's editors, as typing or pasting would, and presses
     * the run button.
     */
    private static void run(BrowserSession browser, String query, String headers) throws Exception {
        Object ran = browser.evaluate("(function(){var q=document.querySelector('.graphiql-query-editor .CodeMirror');"
                + "var h=document.querySelector('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror');"
                + "var r=document.querySelector('.result-window .CodeMirror');"
                + "var b=document.querySelector('.graphiql-execute-button');if(!q||!h||!r||!b)return false;"
                + "r.CodeMirror.setValue('');"
                + "var v=" + JSONObjectUtils.toJSONString(Map.of("q", query, "h", headers)) + ";"
                + "q.CodeMirror.setValue(v.q);h.CodeMirror.setValue(v.h);b.click();return true;})()");
        assertThat(ran).as("GraphiQL's editors and run button").isEqualTo(true);
    }
}
