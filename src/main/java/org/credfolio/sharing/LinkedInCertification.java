package org.credfolio.sharing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * LinkedIn's "Add to profile" link for a certification: opens the member's add-certification form
 * filled in (https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=...&organizationName=
 * ...&issueYear=&issueMonth=&expirationYear=&expirationMonth=&certUrl=...&certId=...). Nothing is
 * sent to LinkedIn by Credfolio; the learner follows the link while signed in there.
 */
final class LinkedInCertification {
    static final String ADD_TO_PROFILE = "https://www.linkedin.com/profile/add";

    private LinkedInCertification() {}

    /**
     * @param organization the certifying body, or the district when the catalog names none
     * @param expires null when the credential does not expire (the expiration fields stay empty)
     */
    static String url(
            String name, String organization, LocalDate issued, LocalDate expires, String certUrl, String certId) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("startTask", "CERTIFICATION_NAME");
        parameters.put("name", name);
        parameters.put("organizationName", organization);
        parameters.put("issueYear", issued == null ? null : String.valueOf(issued.getYear()));
        parameters.put("issueMonth", issued == null ? null : String.valueOf(issued.getMonthValue()));
        parameters.put("expirationYear", expires == null ? null : String.valueOf(expires.getYear()));
        parameters.put("expirationMonth", expires == null ? null : String.valueOf(expires.getMonthValue()));
        parameters.put("certUrl", certUrl);
        parameters.put("certId", certId);
        return ADD_TO_PROFILE + "?"
                + parameters.entrySet().stream()
                        .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                        .map(e -> e.getKey() + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** Query-component encoding: spaces as %20, not '+', which some readers take literally. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
