package org.credfolio.organization;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface Accounts extends MongoRepository<Account, String> {
    Optional<Account> findByUsername(String username);
}
