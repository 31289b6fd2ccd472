package org.credfolio.trust.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.credfolio.trust.CredentialForms;
import org.credfolio.trust.JsonLdNegotiation;
import org.credfolio.trust.OpenBadgeEnvelope;
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves each status list as a signed {@code BitstringStatusListCredential}, in the form the
 * verifier asks for: {@code vc+jwt} by default, or JSON-LD with an embedded {@code eddsa-rdfc-2022}
 * proof for {@code application/vc+ld+json}, {@code application/vc} or {@code application/ld+json}
 * (what Data Integrity verifiers such as the DCC's verifier-core send). A rendered list is reused
 * until the list's version changes, so a busy list is signed once per change rather than once per
 * request; verifiers may cache it for {@link #TTL}.
 */
@RestController
class StatusListPublication {
    static final Duration TTL = Duration.ofMinutes(1);
    static final MediaType VC_JWT = MediaType.parseMediaType("application/vc+jwt");

    static final MediaType VC_LD = MediaType.parseMediaType("application/vc+ld+json");
    private static final List<MediaType> JSON_LD = List.of(
            VC_LD,
            MediaType.parseMediaType("application/vc"),
            MediaType.parseMediaType("application/ld+json"),
            MediaType.APPLICATION_JSON);

    /** One form of one list as signed at a version; each form is signed only once someone asks for it. */
    private record Rendered(long version, String body) {}

    private final StatusLists lists;
    private final IssuerKeys keys;
    private final TrustProperties properties;
    // One entry per list and form; lists are few (two per issuer per 65,536 credentials).
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    StatusListPublication(StatusLists lists, IssuerKeys keys, TrustProperties properties) {
        this.lists = lists;
        this.keys = keys;
        this.properties = properties;
    }

    @GetMapping("/status-lists/{listId}")
    ResponseEntity<String> statusList(
            @PathVariable String listId, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<StatusList> list = listId.matches("[0-9a-f]{24}") ? lists.find(listId) : Optional.empty();
        if (list.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        boolean dataIntegrity = JsonLdNegotiation.prefersJsonLd(accept, VC_JWT, JSON_LD);
        return ResponseEntity.ok()
                .contentType(dataIntegrity ? VC_LD : VC_JWT)
                .cacheControl(CacheControl.maxAge(TTL).cachePublic())
                .varyBy(HttpHeaders.ACCEPT)
                .body(render(list.get(), dataIntegrity));
    }

    private String render(StatusList list, boolean dataIntegrity) {
        String key = list.id() + (dataIntegrity ? " ldp" : " jwt");
        Rendered cached = rendered.get(key);
        if (cached != null && cached.version() == list.version()) {
            return cached.body();
        }
        Map<String, Object> credential = credential(list);
        String body = dataIntegrity
                ? CredentialForms.json(keys.secure(list.organizationId(), credential))
                : keys.sign(list.organizationId(), OpenBadgeEnvelope.VC_JWT_TYPE, jwtPayload(credential));
        rendered.put(key, new Rendered(list.version(), body));
        return body;
    }

    /** The VC-JWT payload: the list credential with iss, and iat and nbf exactly its validFrom. */
    private static Map<String, Object> jwtPayload(Map<String, Object> credential) {
        Map<String, Object> payload = new LinkedHashMap<>(credential);
        long validFrom = Instant.parse((String) credential.get("validFrom")).getEpochSecond();
        payload.put("iss", credential.get("issuer"));
        payload.put("iat", validFrom);
        payload.put("nbf", validFrom);
        return payload;
    }

    private Map<String, Object> credential(StatusList list) {
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
        return vc;
    }
}
