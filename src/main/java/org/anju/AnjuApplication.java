package org.anju;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Anju (安居): the operating system of an enterprise community.
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class AnjuApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnjuApplication.class, args);
	}

}
