package org.credfolio.trust.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each status list as a signed {@code BitstringStatusListCredential} ({@code vc+jwt}).
 * A rendered list is reused until the list's version changes, so a busy list is signed once per
 * change rather than once per request; verifiers may cache it for {@link #TTL}.
 */
@RestController
class StatusListPublication {
    static final Duration TTL = Duration.ofMinutes(1);
    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    private record Rendered(String listId, long version, String jwt) {}

    private final StatusLists lists;
    private final IssuerKeys keys;
    private final TrustProperties properties;
    // One entry per list; lists are few (two per issuer per 65,536 credentials).
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    StatusListPublication(StatusLists lists, IssuerKeys keys, TrustProperties properties) {
        this.lists = lists;
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/status-lists/{listId}")
    ResponseEntity<String> statusList(@PathVariable String listId) {
        Optional<StatusList> list = listId.matches("[0-9a-f]{24}") ? lists.find(listId) : Optional.empty();
        if (list.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(VC_JWT)
                .cacheControl(CacheControl.maxAge(TTL).cachePublic())
                .body(render(list.get()));
    }

    private String render(StatusList list) {
        Rendered cached = rendered.get(list.id());
        if (cached != null && cached.version() == list.version()) {
            return cached.jwt();
        }
        String jwt = keys.sign(list.organizationId(), "vc+jwt", claims(list));
        rendered.put(list.id(), new Rendered(list.id(), list.version(), jwt));
        return jwt;
    }

    private Map<String, Object> claims(StatusList list) {
        String url = properties.statusListUrl(list.id());
        String issuer = properties.issuerDid(list.organizationId());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", list.purpose().value());
        subject.put("encodedList", Bitstring.encode(lists.bits(list.id())));
        subject.put("ttl", TTL.toMillis());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of("https://www.w3.org/ns/credentials/v2"));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", issuer);
        vc.put("validFrom", now.toString());
        vc.put("credentialSubject", subject);
        vc.put("iss", issuer);
        vc.put("jti", url);
        vc.put("iat", now.getEpochSecond());
        vc.put("nbf", now.getEpochSecond());
        return vc;
    }
}
