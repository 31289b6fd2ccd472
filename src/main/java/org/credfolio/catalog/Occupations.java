package org.credfolio.catalog;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Occupations extends MongoRepository<Occupation, String> {}
