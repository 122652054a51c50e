package com.consento;

import com.consento.platform.Tasks;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Runs the service, or one task when the first argument names it (see {@link Tasks}). */
@SpringBootApplication
public class ConsentoApplication {

    public static void main(String[] args) {
        int exit = Tasks.run(ConsentoApplication.class, args);
        if (exit >= 0) {
            System.exit(exit);
        }
    }
}
