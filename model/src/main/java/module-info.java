/**
 * Berth's typed model of the Docker Engine API: immutable values, their parsers and validators.
 * It has no runtime dependencies.
 */
module dev.berth.model {
  exports dev.berth.model;
}
