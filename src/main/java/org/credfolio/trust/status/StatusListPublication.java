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
import org.credfolio.trust.TrustProperties;
import org.credfolio.trust.keys.IssuerKeys;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
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

    private record Rendered(String listId, long version, String jwt, String dataIntegrity) {}

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
    ResponseEntity<String> statusList(
            @PathVariable String listId, @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        Optional<StatusList> list = listId.matches("[0-9a-f]{24}") ? lists.find(listId) : Optional.empty();
        if (list.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Rendered rendered = render(list.get());
        boolean dataIntegrity = wantsJsonLd(accept);
        return ResponseEntity.ok()
                .contentType(dataIntegrity ? VC_LD : VC_JWT)
                .cacheControl(CacheControl.maxAge(TTL).cachePublic())
                .varyBy(HttpHeaders.ACCEPT)
                .body(dataIntegrity ? rendered.dataIntegrity() : rendered.jwt());
    }

    /** JSON-LD when the first acceptable type the client names is a JSON one; the VC-JWT otherwise. */
    static boolean wantsJsonLd(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> acceptable;
        try {
            acceptable = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        MimeTypeUtils.sortBySpecificity(acceptable);
        for (MediaType type : acceptable) {
            if (type.isCompatibleWith(VC_JWT) && !type.isWildcardType()) {
                return false;
            }
            if (JSON_LD.stream().anyMatch(type::isCompatibleWith) && !type.isWildcardType()) {
                return true;
            }
        }
        return false;
    }

    private Rendered render(StatusList list) {
        Rendered cached = rendered.get(list.id());
        if (cached != null && cached.version() == list.version()) {
            return cached;
        }
        Map<String, Object> credential = credential(list);
        Map<String, Object> payload = new LinkedHashMap<>(credential);
        String issuer = (String) credential.get("issuer");
        long validFrom = Instant.parse((String) credential.get("validFrom")).getEpochSecond();
        payload.put("iss", issuer);
        payload.put("iat", validFrom);
        payload.put("nbf", validFrom);
        String jwt = keys.sign(list.organizationId(), "vc+jwt", payload);
        String dataIntegrity = CredentialForms.json(keys.secure(list.organizationId(), credential));
        Rendered fresh = new Rendered(list.id(), list.version(), jwt, dataIntegrity);
        rendered.put(list.id(), fresh);
        return fresh;
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
