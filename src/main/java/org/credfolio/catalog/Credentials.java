package org.credfolio.catalog;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Credentials extends MongoRepository<CredentialDefinition, String> {}
