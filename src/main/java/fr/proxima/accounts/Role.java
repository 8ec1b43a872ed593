package fr.proxima.accounts;

import java.util.Arrays;
import java.util.stream.Collectors;

import fr.proxima.shared.InvalidInputException;

/**
 * What a user may do beyond reading public data. Contributor and coordinator rights apply
 * to the organisations the user belongs to; planner and admin rights are global.
 */
public enum Role {

	/** edits its own organisations' offers */
	CONTRIBUTOR,
	/** analyses coverage and keeps scenarios */
	PLANNER,
	/** manages its own organisations' caregiver routes */
	COORDINATOR,
	/** manages users, imports and everything else */
	ADMIN;

	public static Role fromCode(String code) {
		for (Role r : values()) {
			if (r.name().equalsIgnoreCase(code == null ? "" : code.trim())) {
				return r;
			}
		}
		throw new InvalidInputException("Unknown role '" + code + "'. Known roles: "
				+ Arrays.stream(values()).map(Role::name).collect(Collectors.joining(", ")));
	}

}
