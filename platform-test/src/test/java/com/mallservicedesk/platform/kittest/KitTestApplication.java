package com.mallservicedesk.platform.kittest;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A tiny service that exercises every part of the platform kit the way a real service does. */
@SpringBootApplication
public class KitTestApplication {
}
