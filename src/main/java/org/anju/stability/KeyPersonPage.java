package org.anju.stability;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of key persons, nearest due day first.
 */
public record KeyPersonPage(List<KeyPerson> items, @Nullable String next, long total, boolean totalCapped) {
}
