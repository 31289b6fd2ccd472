package org.credfolio.organization;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Organizations extends MongoRepository<Organization, String> {}
