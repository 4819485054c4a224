package com.mallservicedesk.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The web console: static pages for the front desk, the departments and the supervisors, and a backend-for-frontend
 * that signs people in, keeps their token in a server-side session and relays their calls to the services' public
 * APIs. It owns no data: whatever the console can do, the API can do.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WebConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebConsoleApplication.class, args);
    }
}
