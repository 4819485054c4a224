package com.mallservicedesk.callback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Calls customers back after their work order was returned (回訪, seed 000 §第四條, seed 001 §二.5). */
@SpringBootApplication
public class CallbackApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallbackApplication.class, args);
    }
}
