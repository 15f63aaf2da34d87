package io.nubis.api.net;

import java.util.List;

/**
 * Name servers and search domains, global or for one interface or subnet.
 *
 * @param nameservers addresses, in order, without duplicates
 * @param search      search domains, in order, without duplicates
 */
public record Dns(List<String> nameservers, List<String> search) {
    /** No name servers and no search domains. */
    public static final Dns NONE = new Dns(List.of(), List.of());

    public Dns {
        nameservers = List.copyOf(nameservers);
        search = List.copyOf(search);
    }

    /** True if there are neither name servers nor search domains. */
    public boolean isEmpty() {
        return nameservers.isEmpty() && search.isEmpty();
    }
}
