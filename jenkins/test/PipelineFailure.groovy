/** What `error` (or a failing `sh`) throws in the harness, as Jenkins aborts the stage with an AbortException. */
class PipelineFailure extends RuntimeException {
  PipelineFailure(String message) {
    super(message)
  }
}
