package org.credfolio.trust.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.bson.Document;
import org.credfolio.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class HolderKeysTest extends IntegrationTest {
    @Autowired
    HolderKeys holderKeys;

    @Autowired
    MongoOperations mongo;

    @Test
    @SuppressWarnings("unchecked")
    void presentationVerifiesWithTheKeyInTheLearnersDidDocument() throws Exception {
        String learner = tenants.create().learnerA().id();
        String did = holderKeys.holderDid(learner);
        JWSObject vp = JWSObject.parse(
                holderKeys.sign(learner, "vp+jwt", Map.of("iss", did, "aud", "did:example:verifier", "nonce", "n-1")));

        assertThat(did).isEqualTo("did:web:localhost%3A8080:learners:" + learner);
        assertThat(vp.getHeader().getType().toString()).isEqualTo("vp+jwt");
        assertThat(vp.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(vp.getHeader().getKeyID()).startsWith(did + "#");
        Map<?, ?> document = http().get()
                .uri("/learners/" + learner + "/did.json")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Cache-Control", "max-age=300, public")
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(document.get("id")).isEqualTo(did);
        assertThat((List<Object>) document.get("authentication"))
                .containsExactly(vp.getHeader().getKeyID());
        assertThat((List<Object>) document.get("assertionMethod"))
                .containsExactly(vp.getHeader().getKeyID());
        Map<?, ?> method = (Map<?, ?>) ((List<?>) document.get("verificationMethod")).get(0);
        assertThat(method.get("id")).isEqualTo(vp.getHeader().getKeyID());
        assertThat(method.get("controller")).isEqualTo(did);
        JWK published = JWK.parse((Map<String, Object>) method.get("publicKeyJwk"));
        assertThat(published.isPrivate()).isFalse();
        assertThat(vp.verify(new ECDSAVerifier((ECKey) published))).isTrue();
        assertThat(holderKeys.holderKey(learner).orElseThrow().kid())
                .isEqualTo(vp.getHeader().getKeyID());
    }

    @Test
    void didDocumentOfALearnerWithoutKeyIsNotFoundAndReadingCreatesNone() {
        String learner = tenants.create().learnerB().id();

        for (String id : List.of(learner, "no-such-learner")) {
            http().get()
                    .uri("/learners/" + id + "/did.json")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectBody()
                    .isEmpty();
        }
        assertThat(holderKeys.holderKey(learner)).isEmpty();
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(learner)), "holder_keys"))
                .isFalse();
    }

    @Test
    void concurrentFirstSignaturesShareOneKey() throws Exception {
        String learner = tenants.create().learnerA().id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> signing = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> holderKeys.sign(learner, "vp+jwt", Map.of("n", i)), pool))
                    .toList();
            // The protected header (alg, kid, typ) is the same for every signature with one key.
            List<String> headers = signing.stream()
                    .map(f -> f.join().substring(0, f.join().indexOf('.')))
                    .distinct()
                    .toList();
            assertThat(headers).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(learner)), "holder_keys"))
                .isEqualTo(1);
    }

    @Test
    void privateHalfIsStoredOnlySealedAndIdsThatBreakTheDidAreRefused() {
        String learner = tenants.create().learnerA().id();
        holderKeys.sign(learner, "vp+jwt", Map.of());
        Document stored = mongo.findById(learner, Document.class, "holder_keys");

        assertThat(stored.getString("publicJwk")).doesNotContain("\"d\"");
        assertThat(stored.toJson()).doesNotContain("\"d\"");
        assertThatThrownBy(() -> holderKeys.sign("a:b", "vp+jwt", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
