package nova.web.platform;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.RegisterNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nova's namespace on its Temporal. A cluster without it gets it, keeping closed runs for the
 * configured retention, instead of a Nova server whose workers wait for it forever; an existing
 * namespace is left as its owner set it.
 */
record TemporalNamespace(
    WorkflowServiceStubs service, String address, String name, Duration retention) {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalNamespace.class);

  void registerIfMissing() {
    try {
      service
          .blockingStub()
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(name).build());
      return;
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.NOT_FOUND) throw e;
    }
    try {
      service
          .blockingStub()
          .registerNamespace(
              RegisterNamespaceRequest.newBuilder()
                  .setNamespace(name)
                  .setWorkflowExecutionRetentionPeriod(
                      com.google.protobuf.Duration.newBuilder().setSeconds(retention.toSeconds()))
                  .build());
      LOG.warn(
          "Temporal at {} had no namespace {}; registered it, keeping closed runs {}",
          address,
          name,
          retention);
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS)
        throw e; // another Nova server was first
    }
  }
}
