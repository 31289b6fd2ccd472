package org.credfolio.learner;

import org.springframework.data.mongodb.repository.MongoRepository;

interface Learners extends MongoRepository<Learner, String> {}
