package org.corridor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CorridorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CorridorApplication.class, args);
    }
}
