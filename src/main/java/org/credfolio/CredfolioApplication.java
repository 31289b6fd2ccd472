package org.credfolio;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CredfolioApplication {
    public static void main(String[] args) {
        SpringApplication.run(CredfolioApplication.class, args);
    }
}
