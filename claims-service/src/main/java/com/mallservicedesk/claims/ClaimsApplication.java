package com.mallservicedesk.claims;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Public-liability incidents and their insurance claims (保險理賠, seed 000 §第三條). */
@SpringBootApplication
public class ClaimsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ClaimsApplication.class, args);
    }
}
