package com.mallservicedesk.localplatform;

import java.util.concurrent.CountDownLatch;

/**
 * A tiny child process for the supervision tests: with no argument it runs until it is stopped or killed, with an
 * exit code it ends with that code at once (a child that crashes on start).
 */
public final class StandInChild {

    private StandInChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1) {
            System.out.println("stand-in child ending with code " + args[0]);
            System.exit(Integer.parseInt(args[0]));
        }
        System.out.println("stand-in child running");
        new CountDownLatch(1).await();
    }
}
