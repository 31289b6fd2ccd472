package org.credfolio.awards;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.credfolio.catalog.CredentialDefinition;
import org.credfolio.catalog.CredentialType;
import org.credfolio.catalog.Portability;
import org.credfolio.learner.Learner;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Interoperability: issued credentials are checked the way an outside verifier would check them,
 * with a second JOSE implementation (jose4j, not the nimbus library that signs them), keys fetched
 * over HTTP from the published JWKS and from the issuer's did:web document, and the payload held
 * against the Open Badges 3.0 data model and its VC-JWT rules.
 *
 * <p>Spec references are to the Open Badges Specification v3.0 (1EdTech,
 * https://www.imsglobal.org/spec/ob/v3p0/): Appendix B.1 "Credential Data Models" for the required
 * properties (multiplicity [1] or [1..*]) and section 8.2 "JSON Web Token Proof Format" for the
 * JOSE header and the JWT claims.
 *
 * <p>The credentials are issued once for the class (one instance per class): every test only reads
 * them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InteroperabilityTest extends IntegrationTest {
    private static final String VC_V2_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    private static final String OB_V3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    private static final String VC_JWT = "vc+jwt";

    /** The algorithms Credfolio issuer keys may use (DESIGN.md); none, HMAC and the rest refused. */
    private static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(
            ConstraintType.PERMIT,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.EDDSA);

    /** Members that only a private (or symmetric) JWK has (RFC 7518 section 6). */
    private static final List<String> PRIVATE_JWK_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /**
     * XML Schema dateTime with the timezone required: OB 3.0 types validFrom and validUntil as
     * DateTimeZ (B.1.2), VC 2.0 as xsd:dateTimeStamp.
     */
    private static final Pattern DATE_TIME_Z =
            Pattern.compile("-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private static final String RECORD =
            "mutation($i: RecordCredentialInput!) { recordEarnedCredential(input: $i) { id } }";
    private static final String JWTS = "query($id: ID!) { learner(id: $id) { credentials { id jwt } } }";
    private static final String ROTATE =
            "mutation($o: ID!) { rotateIssuerKey(organizationId: $o, algorithm: RS256) { kid } }";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MongoOperations mongo;

    private List<Issued> issued;

    /** A credential as issued, and what the test knows independently about it. */
    private record Issued(
            String jwt,
            String districtId,
            String districtName,
            Learner learner,
            List<String> personalData,
            LocalDate earnedOn,
            LocalDate expiresOn,
            String result,
            String algorithm) {
        String issuerDid() {
            return "did:web:localhost%3A8080:issuers:" + districtId;
        }
    }

    @BeforeAll
    void issue() {
        Tenants.World world = tenants.create();

        // District A: default ES256 key; a scored certification that expires (6-month renewal).
        LocalDate earnedA = LocalDate.now().minusDays(5);
        recordCredential(
                world.registrarA(), world.learnerA().id(), world.welding().id(), earnedA);
        Issued a = new Issued(
                jwtOf(as(world.learner()), world.learnerA().id()),
                world.districtA().id(),
                world.districtA().name(),
                world.learnerA(),
                List.of(
                        world.learnerA().givenName(),
                        world.learnerA().familyName(),
                        world.learnerA().studentId(),
                        world.learner().username()),
                earnedA,
                earnedA.plusMonths(6),
                "Pass",
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

        // District B: an RS256 key; a credential that never expires, recorded without a result.
        as(world.districtAdminB())
                .document(ROTATE)
                .variable("o", world.districtB().id())
                .execute()
                .path("rotateIssuerKey.kid")
                .hasValue();
        CredentialDefinition lifetime = mongo.insert(new CredentialDefinition(
                UUID.randomUUID().toString(),
                "OSHA 10-Hour General Industry " + world.districtB().id(),
                CredentialType.CERTIFICATE,
                null,
                "Workplace safety and health hazards in general industry.",
                List.of("51-4121"),
                "Manufacturing",
                Portability.NATIONAL,
                List.of(),
                null,
                new BigDecimal("25.00"),
                List.of(),
                null,
                Instant.now()));
        LocalDate earnedB = LocalDate.now().minusDays(40);
        HttpGraphQlTester registrarB = as(world.registrarB());
        registrarB
                .document(RECORD)
                .variable(
                        "i",
                        Map.of(
                                "learnerId",
                                world.learnerB().id(),
                                "credentialId",
                                lifetime.id(),
                                "earnedOn",
                                earnedB.toString()))
                .execute()
                .path("recordEarnedCredential.id")
                .hasValue();
        Issued b = new Issued(
                jwtOf(registrarB, world.learnerB().id()),
                world.districtB().id(),
                world.districtB().name(),
                world.learnerB(),
                List.of(
                        world.learnerB().givenName(),
                        world.learnerB().familyName(),
                        world.learnerB().studentId()),
                earnedB,
                null,
                null,
                AlgorithmIdentifiers.RSA_USING_SHA256);

        issued = List.of(a, b);
    }

    @Test
    void everyCredentialVerifiesWithJose4jAgainstThePublishedJwks() throws Exception {
        String body = get(URI.create(baseUrl() + "/.well-known/jwks.json"));
        JsonWebKeySet jwks = new JsonWebKeySet(body);
        for (Object key : (List<?>) JsonUtil.parseJson(body).get("keys")) {
            assertThat(object(key)).doesNotContainKeys(PRIVATE_JWK_MEMBERS.toArray(String[]::new));
        }

        for (Issued credential : issued) {
            JwtContext verified = consumer(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()), credential)
                    .process(credential.jwt());

            JsonWebSignature jws = (JsonWebSignature) verified.getJoseObjects().get(0);
            assertHeader(jws, credential);
            // kid = <issuer DID>#<RFC 7638 thumbprint>, recomputed here by jose4j
            JsonWebKey key = jwks.findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null);
            assertThat(key).as("JWKS entry for %s", jws.getKeyIdHeaderValue()).isNotNull();
            assertThat(jws.getKeyIdHeaderValue())
                    .isEqualTo(credential.issuerDid() + "#" + key.calculateBase64urlEncodedThumbprint("SHA-256"));
            assertThat(key.getAlgorithm()).isEqualTo(credential.algorithm());
            assertThat(key.getUse()).isEqualTo("sig");
        }
    }

    @Test
    void everyCredentialVerifiesWithJose4jAgainstTheIssuersDidWebDocument() throws Exception {
        for (Issued credential : issued) {
            String kid = unverified(credential.jwt()).getKeyIdHeaderValue();
            String did = kid.substring(0, kid.indexOf('#'));
            assertThat(did).isEqualTo(credential.issuerDid());

            URI resolved = didWebUrl(did);
            assertThat(resolved)
                    .isEqualTo(URI.create("https://localhost:8080/issuers/" + credential.districtId() + "/did.json"));
            Map<String, Object> document = JsonUtil.parseJson(get(onTestServer(resolved)));

            assertThat(document.get("id")).isEqualTo(did);
            // DID Core: the method must be authorized for assertions, not just listed
            assertThat(list(document.get("assertionMethod"))).contains(kid);
            Map<String, Object> method = ((List<?>) document.get("verificationMethod"))
                    .stream()
                            .map(InteroperabilityTest::object)
                            .filter(m -> kid.equals(m.get("id")))
                            .findFirst()
                            .orElseThrow(() -> new AssertionError("no verificationMethod with id " + kid));
            assertThat(method).containsEntry("type", "JsonWebKey").containsEntry("controller", did);
            Map<String, Object> publicKeyJwk = object(method.get("publicKeyJwk"));
            assertThat(publicKeyJwk).doesNotContainKeys(PRIVATE_JWK_MEMBERS.toArray(String[]::new));
            JsonWebKey key = JsonWebKey.Factory.newJwk(publicKeyJwk);
            assertThat(kid).endsWith("#" + key.calculateBase64urlEncodedThumbprint("SHA-256"));

            JwtContext verified =
                    consumer((jws, nesting) -> key.getKey(), credential).process(credential.jwt());
            assertHeader((JsonWebSignature) verified.getJoseObjects().get(0), credential);
        }
    }

    @Test
    void tamperedPayloadFailsVerificationWithJose4j() throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(get(URI.create(baseUrl() + "/.well-known/jwks.json")));
        for (Issued credential : issued) {
            String[] parts = credential.jwt().split("\\.");
            int at = parts[1].length() / 2;
            char changed = parts[1].charAt(at) == 'A' ? 'B' : 'A';
            String tampered =
                    parts[0] + "." + parts[1].substring(0, at) + changed + parts[1].substring(at + 1) + "." + parts[2];
            JsonWebKey key = jwks.findJsonWebKey(unverified(tampered).getKeyIdHeaderValue(), null, null, null);

            JsonWebSignature original = unverified(credential.jwt());
            original.setKey(key.getKey());
            assertThat(original.verifySignature()).isTrue();
            JsonWebSignature forged = unverified(tampered);
            forged.setKey(key.getKey());
            assertThat(forged.verifySignature()).isFalse();
            assertThatThrownBy(() -> consumer(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()), credential)
                            .process(tampered))
                    .isInstanceOf(InvalidJwtException.class);
        }
    }

    @Test
    void payloadHasTheOpenBadges30RequiredFieldsAndVcJwtClaims() throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(get(URI.create(baseUrl() + "/.well-known/jwks.json")));
        for (Issued credential : issued) {
            Map<String, Object> vc = consumer(new JwksVerificationKeyResolver(jwks.getJsonWebKeys()), credential)
                    .process(credential.jwt())
                    .getJwtClaims()
                    .getClaimsMap();
            assertOpenBadgeCredential(vc, credential);
            assertVcJwtClaims(vc);
        }
    }

    @Test
    void payloadNamesTheLearnerOnlyByDid() throws Exception {
        for (Issued credential : issued) {
            String payload = unverified(credential.jwt()).getUnverifiedPayload();
            assertThat(payload).doesNotContain(credential.personalData().toArray(String[]::new));

            Map<String, Object> subject = object(JsonUtil.parseJson(payload).get("credentialSubject"));
            assertThat(subject.get("id"))
                    .isEqualTo("did:web:localhost%3A8080:learners:"
                            + credential.learner().id());
            // No identifier: a salted hash of a short student id with its salt beside it is reversed by
            // trying every id; the DID is enough for whoever issued it.
            assertThat(subject).doesNotContainKey("identifier");
        }
    }

    @Test
    void didWebIdentifiersResolveToUrlsPerTheDidWebMethod() {
        assertThat(didWebUrl("did:web:localhost%3A8080:issuers:d-42"))
                .isEqualTo(URI.create("https://localhost:8080/issuers/d-42/did.json"));
        assertThat(didWebUrl("did:web:credentials.example.org"))
                .isEqualTo(URI.create("https://credentials.example.org/.well-known/did.json"));
        assertThat(onTestServer(URI.create("https://localhost:8080/issuers/d-42/did.json")))
                .isEqualTo(URI.create(baseUrl() + "/issuers/d-42/did.json"));
    }

    /**
     * OB 3.0 B.1.2 AchievementCredential, B.1.3 AchievementSubject, B.1.1 Achievement, B.1.6
     * Criteria, B.1.14 Profile and B.1.16 Result; each check names the spec line it enforces.
     */
    private void assertOpenBadgeCredential(Map<String, Object> vc, Issued credential) {
        // B.1.2 @context [2..*]: ordered, first the VC 2.0 context, second the OB 3.0 context
        List<?> context = (List<?>) vc.get("@context");
        assertThat(context).hasSizeGreaterThanOrEqualTo(2);
        assertThat(context.get(0)).isEqualTo(VC_V2_CONTEXT);
        assertThat(context.get(1)).isEqualTo(OB_V3_CONTEXT);
        // B.1.2 id [1] URI
        assertUri(vc.get("id"));
        // B.1.2 type [1..*]: VerifiableCredential and AchievementCredential or OpenBadgeCredential
        assertThat(types(vc)).contains("VerifiableCredential", "OpenBadgeCredential");
        // B.1.2 name [0..1] in OB 3.0; Credfolio always names its credentials (DESIGN.md), wallets
        // list them by it
        assertThat((String) vc.get("name")).isNotBlank();

        // B.1.2 issuer [1] ProfileRef; B.1.14 Profile: id [1] URI, type [1..*] containing Profile
        Map<String, Object> issuer = object(vc.get("issuer"));
        assertUri(issuer.get("id"));
        assertThat(issuer.get("id")).isEqualTo(credential.issuerDid());
        assertThat(types(issuer)).contains("Profile");
        assertThat(issuer.get("name")).isEqualTo(credential.districtName());

        // B.1.2 validFrom [1] DateTimeZ; validUntil [0..1] DateTimeZ
        String validFrom = (String) vc.get("validFrom");
        assertThat(validFrom).matches(DATE_TIME_Z);
        assertThat(OffsetDateTime.parse(validFrom).toInstant()).isEqualTo(midnightUtc(credential.earnedOn()));
        if (credential.expiresOn() == null) {
            assertThat(vc).doesNotContainKey("validUntil");
        } else {
            String validUntil = (String) vc.get("validUntil");
            assertThat(validUntil).matches(DATE_TIME_Z);
            assertThat(OffsetDateTime.parse(validUntil).toInstant()).isEqualTo(midnightUtc(credential.expiresOn()));
        }

        // B.1.2 credentialSubject [1] AchievementSubject; B.1.3: type [1..*] containing
        // AchievementSubject, achievement [1], and either id or at least one identifier
        Map<String, Object> subject = object(vc.get("credentialSubject"));
        assertThat(types(subject)).contains("AchievementSubject");
        assertThat(subject.containsKey("id") || !((List<?>) subject.get("identifier")).isEmpty())
                .isTrue();
        assertUri(subject.get("id"));

        // B.1.1 Achievement: id [1] URI, type [1..*] containing Achievement, criteria [1],
        // description [1], name [1]
        Map<String, Object> achievement = object(subject.get("achievement"));
        assertUri(achievement.get("id"));
        assertThat(types(achievement)).contains("Achievement");
        assertThat((String) achievement.get("name")).isNotBlank();
        assertThat((String) achievement.get("description")).isNotBlank();
        // B.1.6 Criteria: id and narrative are each [0..1]; a criteria object with neither says
        // nothing, so at least one is required here
        Map<String, Object> criteria = object(achievement.get("criteria"));
        assertThat(criteria.get("narrative") instanceof String n && !n.isBlank()
                        || criteria.get("id") instanceof String id && !id.isBlank())
                .as("criteria.narrative or criteria.id")
                .isTrue();

        // B.1.3 result [0..*]; B.1.16 Result: type [1..*] containing Result
        if (credential.result() == null) {
            assertThat(subject).doesNotContainKey("result");
        } else {
            List<?> results = (List<?>) subject.get("result");
            assertThat(results).hasSize(1);
            Map<String, Object> result = object(results.get(0));
            assertThat(types(result)).contains("Result");
            assertThat(result.get("value")).isEqualTo(credential.result());
        }

        // Bitstring Status List v1.0: only checked when present (B.1.22 CredentialStatus: type [1])
        if (vc.containsKey("credentialStatus")) {
            Object status = vc.get("credentialStatus");
            List<?> entries = status instanceof List<?> list ? list : List.of(status);
            assertThat(entries).isNotEmpty();
            for (Object entry : entries) {
                Map<String, Object> statusEntry = object(entry);
                assertThat(types(statusEntry)).contains("BitstringStatusListEntry");
                assertThat(statusEntry).containsKeys("statusPurpose", "statusListIndex", "statusListCredential");
            }
        }
    }

    /**
     * OB 3.0 section 8.2.4.1 "JWT Payload Format" and 8.2.6.1 "Verify a Credential VC-JWT
     * Signature": iss = issuer.id, sub = credentialSubject.id, nbf = validFrom, exp = validUntil
     * when there is one; and VC-JOSE-COSE secures the credential itself, so no VC 1.1 "vc" claim.
     * No jti: the published OB 3.0.3 context does not define it, so the payload would not expand
     * in JSON-LD safe mode, and id already says it.
     */
    private static void assertVcJwtClaims(Map<String, Object> vc) {
        assertThat(vc).doesNotContainKey("vc");
        assertThat(vc.get("iss")).isEqualTo(object(vc.get("issuer")).get("id"));
        assertThat(vc.get("sub")).isEqualTo(object(vc.get("credentialSubject")).get("id"));
        assertThat(vc).doesNotContainKey("jti");
        assertThat(((Number) vc.get("nbf")).longValue())
                .isEqualTo(OffsetDateTime.parse((String) vc.get("validFrom")).toEpochSecond());
        if (vc.containsKey("validUntil")) {
            assertThat(((Number) vc.get("exp")).longValue())
                    .isEqualTo(
                            OffsetDateTime.parse((String) vc.get("validUntil")).toEpochSecond());
        } else {
            assertThat(vc).doesNotContainKey("exp");
        }
    }

    /**
     * The JOSE header. VC-JOSE-COSE names the media type vc+jwt (Credfolio's default; OB 3.0 section
     * 8.2.3 still says "JWT" when typ is present, which Credfolio offers as a setting); the
     * algorithm is the issuer key's; OB 3.0 section 8.2.3 allows no headers beyond alg, kid, jwk
     * and typ, and Credfolio never sends a key in the header.
     */
    private static void assertHeader(JsonWebSignature jws, Issued credential) throws Exception {
        assertThat(jws.getHeader("typ")).isEqualTo(VC_JWT);
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo(credential.algorithm());
        assertThat(jws.getKeyIdHeaderValue()).startsWith(credential.issuerDid() + "#");
        assertThat(JsonUtil.parseJson(jws.getHeaders().getFullHeaderAsJsonString())
                        .keySet())
                .isSubsetOf("alg", "kid", "typ");
    }

    /** jose4j's JWT consumer: allow-listed algorithms, vc+jwt, the issuer, and the required claims. */
    private static JwtConsumer consumer(VerificationKeyResolver keys, Issued credential) {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(ALGORITHMS)
                .setVerificationKeyResolver(keys)
                .setExpectedType(true, VC_JWT)
                .setExpectedIssuer(credential.issuerDid())
                .setExpectedSubject("did:web:localhost%3A8080:learners:"
                        + credential.learner().id())
                .setRequireNotBefore()
                .build();
    }

    /** Parses a compact JWS without verifying it, to read its header. */
    private static JsonWebSignature unverified(String jwt) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(ALGORITHMS);
        jws.setCompactSerialization(jwt);
        return jws;
    }

    /**
     * Resolves a did:web DID to the URL of its DID document, as the did:web method specification
     * ("Read (Resolve)") says: drop the "did:web:" prefix, split the rest on ":", percent-decode each
     * part (a port arrives as %3A); the first part is the host, the others are path segments, and
     * with no path the document lives under /.well-known; then append /did.json, over HTTPS. So
     * did:web:localhost%3A8080:issuers:ID resolves to https://localhost:8080/issuers/ID/did.json.
     */
    static URI didWebUrl(String did) {
        assertThat(did).startsWith("did:web:");
        // URLDecoder would turn '+' into a space; did:web identifiers here never contain '+'
        List<String> parts = Arrays.stream(did.substring("did:web:".length()).split(":"))
                .map(part -> URLDecoder.decode(part, UTF_8))
                .toList();
        String path = parts.size() == 1 ? "/.well-known" : "/" + String.join("/", parts.subList(1, parts.size()));
        return URI.create("https://" + parts.get(0) + path + "/did.json");
    }

    /**
     * The did:web names the public host the DIDs are minted for (credfolio.trust.public-host,
     * localhost%3A8080 by default) and implies HTTPS. In tests the server listens on plain HTTP on a
     * random port, so the resolved URL keeps its path and gets the test server's origin instead.
     */
    private URI onTestServer(URI resolved) {
        assertThat(resolved.getScheme()).isEqualTo("https");
        assertThat(resolved.getRawAuthority()).isEqualTo("localhost:8080");
        return URI.create(baseUrl() + resolved.getRawPath());
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A plain HTTP GET, as any verifier would make it; expects 200 and JSON. */
    private static String get(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri)
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        return response.body();
    }

    private static String jwtOf(HttpGraphQlTester reader, String learnerId) {
        return reader.document(JWTS)
                .variable("id", learnerId)
                .execute()
                .path("learner.credentials[0].jwt")
                .entity(String.class)
                .get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }

    /** A JSON-LD type: one IRI or a set of them. */
    private static List<String> types(Map<String, Object> node) {
        Object type = node.get("type");
        assertThat(type).as("type of %s", node).isNotNull();
        return type instanceof List<?> list
                ? list.stream().map(String.class::cast).collect(Collectors.toList())
                : List.of((String) type);
    }

    private static void assertUri(Object value) {
        assertThat(value).isInstanceOf(String.class);
        URI uri = URI.create((String) value);
        assertThat(uri.isAbsolute()).as("%s is an absolute URI", value).isTrue();
    }

    private static Instant midnightUtc(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
