package io.nubis.runtime.internal.userdata;

/**
 * One MIME header of a part, unfolded.
 *
 * @param name  header name as written ({@code Merge-Type})
 * @param value header value
 */
public record Header(String name, String value) {
}
