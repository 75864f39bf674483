package dev.securitywatch.awslite;

import dev.securitywatch.awslite.http.HttpCall;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for header-signed requests to services other than S3 (path segments are encoded twice, the
 * payload hash is not sent as a header). Every header of the call is signed, plus {@code host}, {@code x-amz-date}
 * and, for temporary credentials, {@code x-amz-security-token}.
 */
public final class SigV4 {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SigV4() {
    }

    /** A copy of {@code call} carrying {@code X-Amz-Date}, {@code X-Amz-Security-Token} and {@code Authorization}. */
    public static HttpCall sign(HttpCall call, String service, String region, AwsCredentials credentials,
                                Instant now) {
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        headers.put("X-Amz-Date", amzDate);
        if (credentials.sessionToken() != null) {
            headers.put("X-Amz-Security-Token", credentials.sessionToken());
        }
        TreeMap<String, String> canonical = new TreeMap<>();
        headers.forEach((name, value) -> canonical.put(name.toLowerCase(Locale.ROOT), normalise(value)));
        canonical.put("host", host(call.uri()));
        String signedHeaders = String.join(";", canonical.keySet());
        StringBuilder canonicalHeaders = new StringBuilder();
        canonical.forEach((name, value) -> canonicalHeaders.append(name).append(':').append(value).append('\n'));

        String canonicalRequest = call.method() + '\n'
                + canonicalPath(call.uri()) + '\n'
                + canonicalQuery(call.uri()) + '\n'
                + canonicalHeaders + '\n'
                + signedHeaders + '\n'
                + hex(sha256(call.body()));
        String scope = date + '/' + region + '/' + service + "/aws4_request";
        String stringToSign = ALGORITHM + '\n' + amzDate + '\n' + scope + '\n'
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));

        byte[] key = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        headers.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + '/' + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return new HttpCall(call.method(), call.uri(), headers, call.body(), call.timeout());
    }

    /** The Host header as the HTTP stack sends it: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (port == 443 && "https".equals(uri.getScheme()))
                || (port == 80 && "http".equals(uri.getScheme()));
        return defaultPort ? uri.getHost() : uri.getHost() + ':' + port;
    }

    /** Each segment of the already-encoded path is encoded again (SigV4's rule for every service but S3). */
    static String canonicalPath(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        List<String> encoded = new ArrayList<>(segments.length);
        for (String segment : segments) {
            encoded.add(encode(segment));
        }
        return String.join("/", encoded);
    }

    static String canonicalQuery(URI uri) {
        String query = uri.getRawQuery();
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>(pairs.size());
        pairs.forEach(p -> joined.add(p[0] + '=' + p[1]));
        return String.join("&", joined);
    }

    /** RFC 3986 unreserved characters stay; every other byte becomes %XX (upper case). */
    static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(HEX[(b >> 4) & 0xf]))
                        .append(Character.toUpperCase(HEX[b & 0xf]));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Trimmed, with runs of spaces collapsed to one. */
    private static String normalise(String value) {
        return value.trim().replaceAll(" +", " ");
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
