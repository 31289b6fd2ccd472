package org.credfolio.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.credfolio.support.IntegrationTest;
import org.credfolio.support.Tenants;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Uploads files to the import endpoints over real HTTP and waits for their jobs. */
abstract class ImportTestBase extends IntegrationTest {
    static final String JOB_FIELDS = "id kind dryRun state rowsTotal rowsRead created updated unchanged refused"
            + " problemCount progress failure problemsUrl startedAt finishedAt";

    /** Posts the file; the caller checks the answer. */
    WebTestClient.ResponseSpec upload(
            Tenants.User user,
            String path,
            String districtId,
            boolean dryRun,
            String fileName,
            byte[] content,
            String mapping) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
                    @Override
                    public String getFilename() {
                        return fileName;
                    }
                })
                .contentType(MediaType.APPLICATION_OCTET_STREAM);
        return http().post()
                .uri(b -> {
                    b.path(path).queryParam("districtId", districtId).queryParam("dryRun", dryRun);
                    if (mapping != null) {
                        b.queryParam("mapping", "{mapping}");
                        return b.build(mapping);
                    }
                    return b.build();
                })
                .header("Authorization", "Bearer " + login(user))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange();
    }

    /** Uploads, expects 202, and returns the job id. */
    String submit(
            Tenants.User user,
            String path,
            String districtId,
            boolean dryRun,
            String fileName,
            byte[] content,
            String mapping) {
        Map<?, ?> answer = upload(user, path, districtId, dryRun, fileName, content, mapping)
                .expectStatus()
                .isAccepted()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();
        assertThat(answer.get("jobId")).isInstanceOf(String.class);
        return (String) answer.get("jobId");
    }

    /** Waits until the job has finished and returns its fields. */
    Map<String, Object> finished(Tenants.User user, String jobId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (true) {
            Map<String, Object> job = job(user, jobId);
            if ("SUCCEEDED".equals(job.get("state")) || "FAILED".equals(job.get("state"))) {
                return job;
            }
            assertThat(Instant.now())
                    .as("job %s still %s", jobId, job.get("state"))
                    .isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> job(Tenants.User user, String jobId) {
        return as(user).document("query($id: ID!) { importJob(id: $id) { " + JOB_FIELDS + " } }")
                .variable("id", jobId)
                .execute()
                .path("importJob")
                .entity(Map.class)
                .get();
    }

    /** The job's problems CSV, as its reader downloads it. */
    String problemsCsv(Tenants.User user, String jobId) {
        byte[] body = http().get()
                .uri("/imports/{id}/problems.csv", jobId)
                .header("Authorization", "Bearer " + login(user))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return new String(body, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
