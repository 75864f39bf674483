package dev.securitywatch.catalog.pattern;

import dev.securitywatch.catalog.Severity;
import dev.securitywatch.event.testing.AcceptanceData;
import dev.securitywatch.event.testing.CorpusEvents.Labelled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of the open detection libraries the default catalog forwards, measured on their own test events as the
 * corpus MANIFEST names them: Panther's {@code aws_cloudtrail_rules} (positive and negative unit-test events) and
 * Stratus Red Team's AWS techniques (real detonation logs, all positive).
 */
final class LibraryCoverage {
    private static final Pattern PANTHER = Pattern.compile(
            "^\\| (\\S+) \\| panther-labs/panther-analysis \\| rules/aws_cloudtrail_rules/([a-z0-9_]+)\\.yml \\|.*"
                    + "\\(ExpectedResult=(True|False)\\).*$");
    private static final Pattern STRATUS = Pattern.compile(
            "^\\| (\\S+) \\| DataDog/stratus-red-team \\| docs/detonation-logs/(aws\\.[a-z0-9.-]+)\\.json \\|.*$");

    static final String READ_ONLY = "read-only call: entries keep those out unless they opt in";
    static final String DATA_EVENT = "data event (object, secret, parameter or model access), not a"
            + " management event the member rules see by default";
    static final String STATEFUL = "needs state across events or accounts (a baseline, a count, a"
            + " later use elsewhere)";
    static final String CONFIGURED = "needs the library's own allow- or block-list configuration";
    static final String OPT_IN = "covered by an opt-in entry (off by default: noisy in most accounts)";

    /** The libraries' rules that do not fit the catalog's model, and why; they are left out of the percentage. */
    static final Map<String, String> OUT_OF_SCOPE = Map.ofEntries(
            Map.entry("aws_cloudtrail_account_discovery", READ_ONLY),
            Map.entry("aws_cloudtrail_ses_check_identity_verifications", READ_ONLY),
            Map.entry("aws_cloudtrail_ses_check_send_quota", READ_ONLY),
            Map.entry("aws_cloudtrail_ses_check_ses_sending_enabled", READ_ONLY),
            Map.entry("aws_cloudtrail_ses_list_identities", READ_ONLY),
            Map.entry("aws_software_discovery", READ_ONLY),
            Map.entry("aws_iam_group_read_only_events", READ_ONLY),
            Map.entry("aws_ec2_download_instance_user_data", READ_ONLY),
            Map.entry("aws.discovery.ec2-download-user-data", READ_ONLY),
            Map.entry("aws_rds_snapshot_enumeration", READ_ONLY),
            Map.entry("aws_sts_getcalleridentity_trufflehog", READ_ONLY),
            Map.entry("aws.credential-access.ec2-get-password-data", READ_ONLY),
            Map.entry("aws_rds_log_file_downloaded", READ_ONLY),
            Map.entry("aws_s3_copy_object_cross_account_kms", DATA_EVENT),
            Map.entry("aws_s3_copy_object_to_external_account_bucket", DATA_EVENT),
            Map.entry("aws_s3_copy_object_with_client_side_encryption", DATA_EVENT),
            Map.entry("aws_s3_delete_object", DATA_EVENT),
            Map.entry("aws_s3_delete_objects", DATA_EVENT),
            Map.entry("aws_s3_ransomware_note_upload", DATA_EVENT),
            Map.entry("aws_secretsmanager_retrieve_secrets", DATA_EVENT),
            Map.entry("aws.credential-access.secretsmanager-batch-retrieve-secrets", DATA_EVENT),
            Map.entry("aws.credential-access.secretsmanager-retrieve-secrets", DATA_EVENT),
            Map.entry("aws_ssm_decrypt_ssm_params", DATA_EVENT),
            Map.entry("aws.credential-access.ssm-retrieve-securestring-parameters", DATA_EVENT),
            Map.entry("aws.impact.bedrock-invoke-model", DATA_EVENT),
            Map.entry("retrieve_sso_access_token", DATA_EVENT),
            Map.entry("aws_vpce_access_denied", DATA_EVENT),
            Map.entry("aws_vpce_external_principal", DATA_EVENT),
            Map.entry("aws_vpce_s3_external_ip", DATA_EVENT),
            Map.entry("aws_ec2_many_passwors_read_attempts", STATEFUL),
            Map.entry("aws_iam_user_recon_denied", STATEFUL),
            Map.entry("aws_unused_region", STATEFUL),
            Map.entry("aws_imds_credential_exfiltration", STATEFUL),
            Map.entry("aws.credential-access.ec2-steal-instance-credentials", STATEFUL),
            Map.entry("aws_sts_getsessiontoken_misuse", STATEFUL),
            Map.entry("aws_ssm_distributed_command", STATEFUL),
            Map.entry("aws_cloudtrail_useraccesskeyauth", STATEFUL),
            Map.entry("role_assumed_by_aws_service", STATEFUL),
            Map.entry("aws_ec2_launch_unusual_ec2_instances", CONFIGURED),
            Map.entry("aws.execution.ec2-launch-unusual-instances", CONFIGURED),
            Map.entry("aws_ec2_vulnerable_xz_image_launched", CONFIGURED),
            Map.entry("aws_iam_assume_role_blocklist_ignored", CONFIGURED),
            Map.entry("aws_ecr_crud", CONFIGURED),
            Map.entry("aws_ecr_events", CONFIGURED),
            Map.entry("aws_console_signin", OPT_IN),
            Map.entry("signin_with_aws_cli_prompt", OPT_IN),
            Map.entry("aws_unauthorized_api_call", OPT_IN),
            Map.entry("aws.execution.ssm-send-command", OPT_IN),
            Map.entry("aws.execution.ssm-start-session", OPT_IN));

    /**
     * Negative test events that an entry made for their rule still forwards above LOW, by corpus path, and why that
     * is right here. Each is listed in the coverage document.
     */
    static final Map<String, String> KEPT_NEGATIVES = Map.of(
            "cloudtrail/ec2-ModifyImageAttribute-AssumedRole-panther-4.json", "Panther's 'AMI Added to User' is"
                    + " negative only because the test mocks Panther's account-age cache to say the account is not"
                    + " new: Panther alerts on a share with a newly created account. Security Watch's severity"
                    + " rules know no account ages, only the accounts the deployment watches: it forwards a share"
                    + " with any account at HIGH (`ami-shared`), and the notifier lowers a share with its own member"
                    + " accounts to LOW (`SeverityRules`), so a share with an outside account is never missed.");

    /**
     * One rule or technique: its positive events that were forwarded, and its negatives that an entry made for that
     * rule (its reference names the rule) still matched above LOW.
     */
    record Rule(String library, String id, int positives, int positivesForwarded, int negatives,
                List<String> negativesAboveLow) {
        Rule {
            negativesAboveLow = List.copyOf(negativesAboveLow);
        }

        boolean detected() {
            return positivesForwarded > 0;
        }

        boolean inScope() {
            return !OUT_OF_SCOPE.containsKey(id);
        }
    }

    private LibraryCoverage() {
    }

    /** Panther's own severity of each CloudTrail rule, by rule file stem (copied with provenance, see the file). */
    static Map<String, String> pantherSeverities() {
        Map<String, String> severities = new TreeMap<>();
        try (InputStream in = LibraryCoverage.class.getClassLoader().getResourceAsStream("panther-severities.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource panther-severities.tsv");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] columns = line.split("\t");
                if (!line.startsWith("#") && columns.length == 3) {
                    severities.put(columns[0], columns[2].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return severities;
    }

    static List<Rule> measure(List<Labelled> events, CatalogMatcher defaults) {
        Map<String, Labelled> byPath = new TreeMap<>();
        events.forEach(event -> byPath.put(event.path(), event));
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> aboveLow = new TreeMap<>();
        for (String line : AcceptanceData.text("MANIFEST.md").split("\n")) {
            Matcher panther = PANTHER.matcher(line);
            Matcher stratus = STRATUS.matcher(line);
            String library;
            String path;
            boolean positive;
            String id;
            if (panther.matches()) {
                library = "Panther";
                path = panther.group(1);
                id = panther.group(2);
                positive = panther.group(3).equals("True");
            } else if (stratus.matches()) {
                library = "Stratus Red Team";
                path = stratus.group(1);
                id = stratus.group(2);
                positive = true;
            } else {
                continue;
            }
            Labelled event = byPath.get(path);
            if (event == null) {
                continue;
            }
            String key = library + "|" + id;
            int[] c = counts.computeIfAbsent(key, k -> new int[3]);
            List<String> negativesAboveLow = aboveLow.computeIfAbsent(key, k -> new ArrayList<>());
            MatchResult result = defaults.match(event.envelope());
            if (positive) {
                c[0]++;
                c[1] += result.forwarded() ? 1 : 0;
            } else {
                c[2]++;
                // A library's negative for one rule is often what another rule is about (a public restore is
                // the negative of a snapshot rule): only the entries made for this rule must not fire above LOW.
                if (result.entries().stream().anyMatch(entry -> entry.reference() != null
                        && entry.reference().contains(id) && entry.severity() != Severity.LOW)) {
                    negativesAboveLow.add(path);
                }
            }
        }
        List<Rule> rules = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            rules.add(new Rule(parts[0], parts[1], c[0], c[1], c[2], aboveLow.get(key)));
        });
        return rules;
    }
}
