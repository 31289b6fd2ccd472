package org.credfolio.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.credfolio.support.PublishedSchemas.assertValid;
import static org.credfolio.support.PublishedSchemas.schema;

import com.networknt.schema.Schema;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.NodeHarness;
import org.credfolio.support.Tenants;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.ObjectMapper;

/**
 * Every form in which Credfolio hands out a credential, held against what others publish: the 1EdTech
 * JSON Schemas of Open Badges 3.0 (AchievementCredential) and CLR 2.0 (ClrCredential), draft 2019-09
 * with format assertions on ({@code src/test/resources/published/schemas}), and JSON-LD expansion in
 * safe mode with the published contexts (jsonld.js, through the Node harness). Then what a share
 * recipient gets, searched for anything from which the learner's student id could be recovered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublishedSchemasTest extends IntegrationTest {
    private static final String PUBLIC_BASE = "http://localhost:8080";
    private static final String EARNED =
            "query($id: ID!) { learner(id: $id) { credentials { id jwt credentialJson ldpCredential } } }";
    private static final String CLR = "{ comprehensiveLearnerRecord { credentialJson ldpCredential } }";
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final String JWK_CONTEXT = "https://w3id.org/security/jwk/v1";
    private static final Set<String> IDENTITY_PROPERTIES = Set.of("identifier", "identityHash", "salt");

    private static final ObjectMapper JSON = new ObjectMapper();

    private Tenants.World world;
    /** Six digits, as many districts number their students: 10^6 candidates, trivially enumerated. */
    private String studentId;

    private String awardId;
    private String jwt;
    private Map<String, Object> ldp;
    private Map<String, Object> payload;
    private Map<String, Object> clrLdp;
    private Map<String, Object> clrPayload;

    @BeforeAll
    void issue() {
        world = tenants.create();
        studentId = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
        giveLearnerAStudentId(studentId);
        awardId = recordCredential(
                world.registrarA(),
                world.learnerA().id(),
                world.welding().id(),
                LocalDate.now().minusDays(5));
        Map<String, Object> earned = as(world.registrarA())
                .document(EARNED)
                .variable("id", world.learnerA().id())
                .execute()
                .errors()
                .verify()
                .path("learner.credentials[0]")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        jwt = (String) earned.get("jwt");
        ldp = asMap(earned.get("ldpCredential"));
        payload = asMap(earned.get("credentialJson"));

        completeACourse(world);
        Map<String, Object> clr = as(world.learner())
                .document(CLR)
                .execute()
                .errors()
                .verify()
                .path("comprehensiveLearnerRecord")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {})
                .get();
        clrLdp = asMap(clr.get("ldpCredential"));
        clrPayload = asMap(clr.get("credentialJson"));
    }

    @Test
    void earnedCredentialInBothFormsValidatesAgainstTheAchievementCredentialSchema() {
        Schema schema = schema("ob_v3p0_achievementcredential_schema.json");

        assertValid(schema, "ldpCredential", ldp);
        assertValid(schema, "credentialJson (the JWT payload)", payload);
        Map<String, Object> withoutIssuer = new LinkedHashMap<>(ldp);
        withoutIssuer.remove("issuer");
        assertThat(schema.validate(JSON.valueToTree(withoutIssuer)))
                .as("the schema is not vacuous")
                .isNotEmpty();
        assertThat(normalized(payload)).isEqualTo(decode(jwt).get(1));
    }

    @Test
    void comprehensiveLearnerRecordInBothFormsValidatesAgainstTheClrSchema() {
        Schema schema = schema("clr_v2p0_clrcredential_schema.json");

        assertValid(schema, "CLR ldpCredential", clrLdp);
        assertValid(schema, "CLR credentialJson (the JWT payload)", clrPayload);
    }

    @Test
    void eachCredentialNestedInTheRecordValidatesAgainstTheAchievementCredentialSchema() {
        Schema schema = schema("ob_v3p0_achievementcredential_schema.json");
        for (String form : List.of("ldpCredential", "credentialJson")) {
            List<Map<String, Object>> nested = nested(form.equals("ldpCredential") ? clrLdp : clrPayload);
            // The welding credential and one course completion.
            assertThat(nested).as(form).hasSize(2);
            for (Map<String, Object> credential : nested) {
                assertValid(schema, "CLR " + form + ", nested " + credential.get("name"), credential);
            }
        }
    }

    @Test
    void jwtPayloadsSayNotBeforeExactlyAtValidFrom() {
        for (Map<String, Object> claims : List.of(payload, clrPayload)) {
            long validFrom =
                    OffsetDateTime.parse((String) claims.get("validFrom")).toEpochSecond();
            assertThat(((Number) claims.get("nbf")).longValue())
                    .as("nbf of %s", claims.get("type"))
                    .isEqualTo(validFrom);
        }
    }

    @Test
    void credentialStatusIsASingleObject() {
        List<Map<String, Object>> withStatus = new ArrayList<>(List.of(ldp, payload));
        withStatus.addAll(nested(clrLdp).stream()
                .filter(c -> c.containsKey("credentialStatus"))
                .toList());
        withStatus.addAll(nested(clrPayload).stream()
                .filter(c -> c.containsKey("credentialStatus"))
                .toList());
        // the earned credential twice and the welding credential in each form of the record
        assertThat(withStatus).hasSize(4);
        for (Map<String, Object> credential : withStatus) {
            assertThat(credential.get("credentialStatus"))
                    .as("credentialStatus of %s", credential.get("name"))
                    .isInstanceOf(Map.class);
        }
    }

    @Test
    void everyFormExpandsAsJsonLdInSafeMode() {
        NodeHarness.assumeAvailable();
        Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        documents.put("ldpCredential", ldp);
        documents.put("credentialJson (the JWT payload)", payload);
        documents.put("CLR ldpCredential", clrLdp);
        documents.put("CLR credentialJson (the JWT payload)", clrPayload);
        for (Map<String, Object> credential : nested(clrLdp)) {
            documents.put("CLR ldpCredential, nested " + credential.get("name"), credential);
        }
        String statusList = (String) asMap(ldp.get("credentialStatus")).get("statusListCredential");
        assertThat(statusList).startsWith(PUBLIC_BASE);
        documents.put(
                "status list " + statusList, get(statusList.substring(PUBLIC_BASE.length()), "application/ld+json"));
        Map<String, Object> didDocument = get("/issuers/" + world.districtA().id() + "/did.json", "application/json");
        Map<String, Object> didResult = NodeHarness.expand(didDocument);
        if (!Boolean.TRUE.equals(didResult.get("ok"))) {
            // The harness bundles no copy of the JsonWebKey context, so it cannot expand the whole
            // document: that must be the only reason, and the Multikey methods must expand.
            assertThat((String) didResult.get("error"))
                    .as("DID document")
                    .contains("not a bundled context")
                    .contains("\"" + JWK_CONTEXT + "\"");
            documents.put("DID document of district A, its Multikey methods only", multikeyMethodsOnly(didDocument));
        }

        Map<String, Object> failures = new LinkedHashMap<>();
        documents.forEach((name, document) -> {
            Map<String, Object> result = NodeHarness.expand(document);
            if (!Boolean.TRUE.equals(result.get("ok"))) {
                failures.put(name, result.get("error"));
            }
        });
        assertThat(failures).as(JSONObjectUtils.toJSONString(failures)).isEmpty();
    }

    @Test
    void sharedCredentialCarriesNothingFromWhichTheStudentIdCanBeRecovered() {
        String token = as(world.learner())
                .document("mutation($i: CreateShareInput!) { createShare(input: $i) { token } }")
                .variable("i", Map.of("earnedCredentialIds", List.of(awardId), "audience", "Acme Manufacturing hiring"))
                .execute()
                .errors()
                .verify()
                .path("createShare.token")
                .entity(String.class)
                .get();
        EntityExchangeResult<String> page = http().get()
                .uri("/shares/" + token)
                .exchange()
                .expectBody(String.class)
                .returnResult();
        assertThat(page.getStatus()).isEqualTo(HttpStatus.OK);
        String presentation = http().get()
                .uri("/shares/" + token + "/presentation")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        // Everything a recipient gets, as JSON: the Data Integrity credential, the JWT's header and
        // payload, and every JWT on the share page and in the presentation, decoded (nested ones too).
        List<Object> received = new ArrayList<>(List.of(ldp));
        received.addAll(decodeAll(jwt));
        received.addAll(decodeAll(page.getResponseBody()));
        received.addAll(decodeAll(presentation));
        assertThat(received.size()).isGreaterThanOrEqualTo(7);
        // The page as a reader sees it: JWT strings were decoded above, the rest is text.
        String pageText = JWT.matcher(page.getResponseBody()).replaceAll("");

        assertThat(pageText).doesNotContain(studentId);
        assertThat(HEX_64.matcher(pageText).find())
                .as("64 hex characters on the share page")
                .isFalse();
        Set<String> strings = new HashSet<>();
        for (Object document : received) {
            assertThat(JSONObjectUtils.toJSONString(asMap(document))).doesNotContain(studentId);
            walk(document, (key, value) -> {
                assertThat(key).as("a property that identifies the learner").isNotIn(IDENTITY_PROPERTIES);
                if (value instanceof String text) {
                    strings.add(text);
                    assertThat(text)
                            .as("%s: a hash someone could reverse over all ids", key)
                            .doesNotMatch(HEX_64)
                            .doesNotStartWith("sha256$");
                }
            });
        }

        // And the proof by exhaustion: no SHA-256 of any six-digit id is anywhere, in hex (bare or
        // as OB 3.0's "sha256$" identityHash) or base64. The search finds a hash planted on purpose.
        assertThat(idsWhoseSha256IsAmong(strings))
                .as("ids whose SHA-256 a recipient gets")
                .isEmpty();
        Set<String> planted = new HashSet<>(strings);
        planted.add("sha256$" + HexFormat.of().formatHex(sha256(studentId.getBytes(StandardCharsets.US_ASCII))));
        assertThat(idsWhoseSha256IsAmong(planted)).containsExactly(studentId);
    }

    /**
     * Every id 000000 to 999999 whose SHA-256 is one of the strings, written in hex (any case, bare
     * or as OB 3.0's {@code sha256$<hex>}), base64 or base64url: those strings are decoded once, then
     * each id's digest is looked up among them.
     */
    private static List<String> idsWhoseSha256IsAmong(Set<String> strings) {
        Set<ByteBuffer> digests = new HashSet<>();
        for (String text : strings) {
            String bare = text.startsWith("sha256$") ? text.substring("sha256$".length()) : text;
            if (HEX_64.matcher(bare).matches()) {
                digests.add(ByteBuffer.wrap(HexFormat.of().parseHex(bare.toLowerCase())));
            }
            for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
                try {
                    byte[] decoded = decoder.decode(bare);
                    if (decoded.length == 32) {
                        digests.add(ByteBuffer.wrap(decoded));
                    }
                } catch (IllegalArgumentException notBase64) {
                    // not this encoding
                }
            }
        }
        MessageDigest sha256 = sha256Digest();
        List<String> found = new ArrayList<>();
        byte[] id = new byte[6];
        for (int n = 0; n < 1_000_000; n++) {
            for (int i = 5, rest = n; i >= 0; i--, rest /= 10) {
                id[i] = (byte) ('0' + rest % 10);
            }
            if (digests.contains(ByteBuffer.wrap(sha256.digest(id)))) {
                found.add(new String(id, StandardCharsets.US_ASCII));
            }
        }
        return found;
    }

    private static byte[] sha256(byte[] input) {
        return sha256Digest().digest(input);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void giveLearnerAStudentId(String id) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("schoolId", world.schoolA().id());
        input.put("studentId", id);
        input.put("givenName", world.learnerA().givenName());
        input.put("familyName", world.learnerA().familyName());
        input.put("graduationYear", world.learnerA().graduationYear());
        input.put("ctePathways", world.learnerA().ctePathways());
        as(world.registrarA())
                .document("mutation($id: ID!, $i: LearnerInput!) { updateLearner(id: $id, input: $i) { studentId } }")
                .variable("id", world.learnerA().id())
                .variable("i", input)
                .execute()
                .errors()
                .verify()
                .path("updateLearner.studentId")
                .entity(String.class)
                .isEqualTo(id);
    }

    /**
     * The DID document as a Data Integrity verifier uses it: without the JsonWebKey methods (the
     * VC-JWT keys) and their context, {@value #JWK_CONTEXT}.
     */
    private static Map<String, Object> multikeyMethodsOnly(Map<String, Object> didDocument) {
        Map<String, Object> document = new LinkedHashMap<>(didDocument);
        document.put(
                "@context",
                ((List<?>) didDocument.get("@context"))
                        .stream().filter(c -> !JWK_CONTEXT.equals(c)).toList());
        List<Map<String, Object>> methods = ((List<?>) didDocument.get("verificationMethod"))
                .stream()
                        .map(PublishedSchemasTest::asMap)
                        .filter(m -> "Multikey".equals(m.get("type")))
                        .toList();
        assertThat(methods).isNotEmpty();
        Set<Object> ids = new HashSet<>(methods.stream().map(m -> m.get("id")).toList());
        document.put("verificationMethod", methods);
        document.put(
                "assertionMethod",
                ((List<?>) didDocument.get("assertionMethod"))
                        .stream().filter(ids::contains).toList());
        return document;
    }

    private Map<String, Object> get(String path, String accept) {
        return http().get()
                .uri(path)
                .header("Accept", accept)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    private static List<Map<String, Object>> nested(Map<String, Object> clr) {
        List<?> list = (List<?>) asMap(clr.get("credentialSubject")).get("verifiableCredential");
        return list.stream().map(PublishedSchemasTest::asMap).toList();
    }

    /** The header and payload of a compact JWS. */
    private static List<Map<String, Object>> decode(String compact) {
        String[] parts = compact.split("\\.");
        try {
            return List.of(
                    JSONObjectUtils.parse(new Base64URL(parts[0]).decodeToString()),
                    JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString()));
        } catch (java.text.ParseException e) {
            throw new AssertionError("Not a JWS: " + compact, e);
        }
    }

    /** The header and payload of every JWT in the text, and of every JWT inside those, and so on. */
    private static List<Object> decodeAll(String text) {
        List<Object> decoded = new ArrayList<>();
        Matcher jwts = JWT.matcher(text);
        while (jwts.find()) {
            for (Map<String, Object> part : decode(jwts.group())) {
                decoded.add(part);
                walk(part, (key, value) -> {
                    if (value instanceof String inner && JWT.matcher(inner).find()) {
                        decoded.addAll(decodeAll(inner));
                    }
                });
            }
        }
        return decoded;
    }

    /** Calls back with every property name and every value under it, at any depth. */
    private static void walk(Object json, BiConsumer<String, Object> visit) {
        walk(json, null, visit);
    }

    private static void walk(Object json, String key, BiConsumer<String, Object> visit) {
        if (json instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                visit.accept((String) k, v);
                walk(v, (String) k, visit);
            });
        } else if (json instanceof List<?> list) {
            list.forEach(item -> {
                if (!(item instanceof Map<?, ?>) && !(item instanceof List<?>)) {
                    visit.accept(key, item);
                }
                walk(item, key, visit);
            });
        }
    }

    /** The same JSON as the JWT parser reads it (whole numbers as Long). */
    private static Map<String, Object> normalized(Map<String, Object> json) {
        try {
            return JSONObjectUtils.parse(JSONObjectUtils.toJSONString(json));
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }
}
