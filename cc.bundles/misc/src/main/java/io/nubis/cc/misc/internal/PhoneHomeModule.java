package io.nubis.cc.misc.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.nubis.api.config.ConfigException;
import io.nubis.api.config.Values;
import io.nubis.api.module.ConfigModule;
import io.nubis.api.module.Frequency;
import io.nubis.api.module.ModuleContext;
import io.nubis.api.module.ModuleException;
import io.nubis.api.module.NubisModule;

/**
 * {@code phone_home}: POSTs form data (host public keys, instance id, hostname, fqdn; all of them
 * or the keys in {@code post}) to {@code phone_home.url}, with {@code $INSTANCE_ID} substituted,
 * as the reference's {@code cc_phone_home} does. Up to {@code tries} attempts (default 10),
 * {@value #PAUSE_SECONDS} s apart, each bounded by connect and request timeouts; a non-2xx answer
 * counts as a failure. As in the reference, a post that never succeeds is logged as a warning and
 * does not fail the module; a bad URL does.
 */
@Component(service = ConfigModule.class)
@NubisModule(nubis_module = PhoneHomeModule.NAME, stage = "final", frequency = Frequency.PER_INSTANCE_ID,
        keys = {PhoneHomeModule.NAME}, schema = "schema/phone_home.json")
public final class PhoneHomeModule implements ConfigModule {
    static final String NAME = "phone_home";
    static final List<String> POST_ALL = List.of("pub_key_rsa", "pub_key_ecdsa", "pub_key_ed25519", "instance_id",
            "hostname", "fqdn");
    static final long PAUSE_SECONDS = 3;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, String> PUB_KEYS = Map.of("pub_key_rsa", "/etc/ssh/ssh_host_rsa_key.pub",
            "pub_key_ecdsa", "/etc/ssh/ssh_host_ecdsa_key.pub", "pub_key_ed25519", "/etc/ssh/ssh_host_ed25519_key.pub");

    private final long pauseMillis;

    /** Three seconds between tries, as the reference. */
    @Activate
    public PhoneHomeModule() {
        this(PAUSE_SECONDS * 1000);
    }

    /** @param pauseMillis pause between tries (tests use 0) */
    PhoneHomeModule(long pauseMillis) {
        this.pauseMillis = pauseMillis;
    }

    @Override
    public void run(ModuleContext ctx) throws ModuleException {
        Map<String, Object> cfg = ctx.config().map(NAME);
        if (cfg.get("url") == null) {
            ctx.log().warn("Skipping module named {}, no 'url' found in 'phone_home' configuration", ctx.name());
            return;
        }
        int tries = 10;
        if (cfg.get("tries") != null) {
            try {
                tries = (int) Math.max(1, Math.min(100, Values.asLong("phone_home.tries", cfg.get("tries"))));
            } catch (ConfigException e) {
                ctx.log().warn("Configuration entry 'tries' is not an integer, using 10 instead");
            }
        }
        List<String> post = postList(cfg.get("post"));
        Map<String, String> all = new LinkedHashMap<>();
        for (String k : List.of("pub_key_rsa", "pub_key_ecdsa", "pub_key_ed25519")) {
            try {
                ctx.target().readString(PUB_KEYS.get(k)).ifPresentOrElse(v -> all.put(k, v),
                        () -> ctx.log().warn("{}: failed to open, can not phone home that data!", PUB_KEYS.get(k)));
            } catch (IOException e) {
                ctx.log().warn("{}: failed to open, can not phone home that data!", PUB_KEYS.get(k));
            }
        }
        String iid = ctx.instanceId();
        all.put("instance_id", iid);
        HostNames names = HostNames.of(ctx);
        all.put("hostname", names.hostname());
        all.put("fqdn", names.fqdn());
        StringBuilder form = new StringBuilder();
        for (String k : post) {
            String v = all.get(k);
            if (v == null) {
                ctx.log().warn("Requested key {} from 'post' configuration list not available", k);
                v = "N/A";
            }
            if (form.length() > 0) {
                form.append('&');
            }
            form.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
        String rawUrl = Values.asString("phone_home.url", cfg.get("url"))
                .replace("${INSTANCE_ID}", iid).replace("$INSTANCE_ID", iid);
        URI uri = uri(rawUrl);
        post(ctx, uri, form.toString(), tries);
    }

    private void post(ModuleContext ctx, URI uri, String form, int tries) throws ModuleException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        String last = "";
        for (int i = 1; i <= tries; i++) {
            try {
                HttpResponse<Void> resp = client.send(req, HttpResponse.BodyHandlers.discarding());
                if (resp.statusCode() / 100 == 2) {
                    ctx.log().debug("Posted phone home data to {} (try {} of {})", uri, i, tries);
                    return;
                }
                last = "HTTP " + resp.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModuleException("phone_home: interrupted while posting to " + uri, e);
            }
            ctx.log().debug("phone_home: try {} of {} to {} failed: {}", i, tries, uri, last);
            if (i < tries && pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ModuleException("phone_home: interrupted while posting to " + uri, e);
                }
            }
        }
        ctx.log().warn("Failed to post phone home data to {} in {} tries ({})", uri, tries, last);
    }

    static List<String> postList(Object post) {
        if (post == null || "all".equals(post)) {
            return POST_ALL;
        }
        List<Object> raw = Values.asList("phone_home.post", post);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String k = Values.asString("phone_home.post[" + i + "]", raw.get(i));
            if (raw.size() == 1 && k.equals("all")) {
                return POST_ALL;
            }
            out.add(k);
        }
        return out;
    }

    static URI uri(String url) throws ModuleException {
        try {
            URI u = new URI(url);
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    || u.getHost() == null) {
                throw new ModuleException("phone_home.url: must be an http or https URL, not '" + Printable.of(url) + "'");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ModuleException("phone_home.url: invalid URL '" + Printable.of(url) + "': " + e.getReason(), e);
        }
    }
}
