package com.mallservicedesk.survey;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Customer satisfaction from callbacks and surveys, and the reports built on it (seed 000 §顧客滿意度調查規程). */
@SpringBootApplication
public class SurveyApplication {

    public static void main(String[] args) {
        SpringApplication.run(SurveyApplication.class, args);
    }
}
