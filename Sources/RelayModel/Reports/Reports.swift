/// The JSON and text the `generate`, `route`, `preview` and `compare` commands print.
///
/// Kept in the model so they are tested without a terminal; the commands only choose one and
/// print it. JSON goes through `JSONWriter` (one layout, one escaping, the route schema
/// written once in `Reports+Route.swift`); text comes as `StyledText`, which the CLI colours.
public enum Reports {}
