package dev.securitywatch.indexer.handler;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.securitywatch.catalog.Catalog;
import dev.securitywatch.event.transport.EnvelopeParser;
import dev.securitywatch.event.EventEnvelope;
import dev.securitywatch.event.InboundMessage;
import dev.securitywatch.indexer.document.DocumentMapper;
import dev.securitywatch.indexer.document.IndexWindow;
import dev.securitywatch.lambdakit.snapstart.SnapStartPriming;
import dev.securitywatch.indexer.document.IndexedDocument;
import dev.securitywatch.event.transport.SubscriptionDecoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;

/**
 * SnapStart priming: before the snapshot, run the whole local code path (decode, parse, catalog match, map, bulk
 * serialisation) on a built-in event, so the restored container starts with those classes loaded and initialised.
 * It sends nothing: a connection opened before the snapshot would not survive the restore.
 */
final class Priming extends SnapStartPriming {
    private static final String SAMPLE_EVENT = "{\"version\":\"0\",\"id\":\"priming\",\"detail-type\":"
            + "\"AWS API Call via CloudTrail\",\"source\":\"aws.ec2\",\"account\":\"111111111111\",\"time\":"
            + "\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{\"eventVersion\":"
            + "\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::111111111111:"
            + "assumed-role/priming/session\",\"accountId\":\"111111111111\"},\"eventTime\":\"2026-01-01T00:00:00Z\","
            + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"AuthorizeSecurityGroupIngress\",\"awsRegion\":"
            + "\"us-east-1\",\"sourceIPAddress\":\"192.0.2.1\",\"userAgent\":\"priming\",\"requestParameters\":"
            + "{\"groupId\":\"sg-0\"},\"responseElements\":null,\"eventID\":\"priming\",\"readOnly\":false,"
            + "\"eventType\":\"AwsApiCall\",\"recipientAccountId\":\"111111111111\"}}";

    private final ObjectMapper mapper;
    private final Catalog catalog;

    Priming(ObjectMapper mapper, Catalog catalog) {
        this.mapper = mapper;
        this.catalog = catalog;
    }

    @Override
    protected void prime() throws IOException {
        String payload = "{\"messageType\":\"DATA_MESSAGE\",\"logGroup\":\"priming\",\"logEvents\":[{\"id\":\"1\","
                + "\"timestamp\":0,\"message\":" + mapper.writeValueAsString(SAMPLE_EVENT) + "}]}";
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(payload.getBytes(StandardCharsets.UTF_8));
        }
        SubscriptionDecoder decoder = new SubscriptionDecoder(mapper);
        String message = decoder.decode(Base64.getEncoder().encodeToString(compressed.toByteArray()))
                .logEvents().get(0).message();
        DocumentMapper documents = new DocumentMapper(mapper, catalog, IndexWindow.LIVE);
        List<BulkOperation> operations = new ArrayList<>();
        for (InboundMessage inbound : new EnvelopeParser(mapper).parseText(message)) {
            if (inbound instanceof EventEnvelope envelope) {
                for (IndexedDocument document : documents.map(envelope, Instant.EPOCH)) {
                    operations.add(BulkOperation.of(op -> op.create(c -> c.index(document.index())
                            .id(document.id()).document(document.source()))));
                }
            }
        }
        JacksonJsonpMapper jsonp = new JacksonJsonpMapper(mapper);
        BulkRequest request = BulkRequest.of(b -> b.operations(operations));
        try (var generator = jsonp.jsonProvider().createGenerator(new ByteArrayOutputStream())) {
            for (BulkOperation operation : request.operations()) {
                jsonp.serialize(operation, generator);
            }
        }
    }
}
