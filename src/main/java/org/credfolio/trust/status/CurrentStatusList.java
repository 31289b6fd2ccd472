package org.credfolio.trust.status;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** Which list of an issuer and purpose new credentials draw indexes from; keyed {@code <orgId>:<purpose>}. */
@Document("current_status_lists")
record CurrentStatusList(@Id String key, String listId) {}
