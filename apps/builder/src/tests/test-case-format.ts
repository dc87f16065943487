/** The tag stored with a builder test case's conversation (format 2: a `voxchart test` conversation). */
export const TEST_CASE_FORMAT = "voxchart/conversation@2";
