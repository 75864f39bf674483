package dev.securitywatch.infra;

import dev.securitywatch.infra.config.ContextException;
import dev.securitywatch.infra.config.ContextReader;
import dev.securitywatch.infra.config.Settings.SecurityWatchConfig;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.regioninfo.RegionInfo;

/** The CDK app that {@code npx cdk synth} runs (see cdk.json). */
public final class SecurityWatchApp {
    private SecurityWatchApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        SecurityWatchConfig config;
        try {
            config = readConfig(app);
        } catch (ContextException e) {
            System.err.println("Invalid cdk.json context: " + e.getMessage());
            System.exit(1);
            return;
        }
        SecurityWatch.build(app, config);
        checkWithCdkNag(app);
        app.synth();
    }

    public static SecurityWatchConfig readConfig(App app) {
        return new ContextReader(app.getNode()::tryGetContext, knownRegions()).read();
    }

    /** The regions the CDK's fact table knows, so a typo such as "us-east1" fails synth instead of deploy. */
    public static Set<String> knownRegions() {
        return RegionInfo.getRegions().stream().map(RegionInfo::getName).collect(Collectors.toSet());
    }

    public static void checkWithCdkNag(App app) {
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
    }
}
