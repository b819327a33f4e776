/// A JSON value whose objects keep their key order, so output reads in the documented order
/// (Foundation's encoders sort or scramble keys).
public indirect enum JSONValue: Equatable, Sendable {
  case null
  case bool(Bool)
  case int(Int)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.rendered() == rhs.rendered()
  }

  public static func optional(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
  public static func strings(_ list: [String]?) -> JSONValue {
    list.map { .array($0.map(JSONValue.string)) } ?? .null
  }

  /// Pretty-printed with two-space indentation and a final newline.
  public func rendered() -> String {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(into: &out, indent: 0)
    out.append(0x0A)
    return String(decoding: out, as: UTF8.self)
  }

  /// The rendered bytes (what `rendered()` returns, without a String copy).
  public func renderedBytes() -> [UInt8] {
    var out: [UInt8] = []
    write(into: &out, indent: 0)
    out.append(0x0A)
    return out
  }

  /// Writes UTF-8 bytes directly: 100,000 routes render in well under a second.
  func write(into out: inout [UInt8], indent: Int) {
    func pad(_ level: Int) {
      for _ in 0..<level { out.append(0x20); out.append(0x20) }
    }
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
    case .int(let i): out.append(contentsOf: String(i).utf8)
    case .string(let s): Self.escape(s, into: &out)
    case .array(let items):
      if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
      out.append(contentsOf: "[\n".utf8)
      for (i, item) in items.enumerated() {
        pad(indent + 1)
        item.write(into: &out, indent: indent + 1)
        if i < items.count - 1 { out.append(UInt8(ascii: ",")) }
        out.append(0x0A)
      }
      pad(indent)
      out.append(UInt8(ascii: "]"))
    case .object(let members):
      if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
      out.append(contentsOf: "{\n".utf8)
      for (i, (key, value)) in members.enumerated() {
        pad(indent + 1)
        Self.escape(key, into: &out)
        out.append(contentsOf: ": ".utf8)
        value.write(into: &out, indent: indent + 1)
        if i < members.count - 1 { out.append(UInt8(ascii: ",")) }
        out.append(0x0A)
      }
      pad(indent)
      out.append(UInt8(ascii: "}"))
    }
  }

  static func escape(_ s: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    // Fast path: most strings need no escaping and are copied in one go.
    let plain = s.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
      guard !ByteWriter.needsEscaping(UnsafeRawBufferPointer(buffer)) else { return false }
      out.append(contentsOf: buffer)
      return true
    }
    if plain == true {
      out.append(UInt8(ascii: "\""))
      return
    }
    for byte in s.utf8 {
      switch byte {
      case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
      case 0x0A: out.append(contentsOf: "\\n".utf8)
      case 0x0D: out.append(contentsOf: "\\r".utf8)
      case 0x09: out.append(contentsOf: "\\t".utf8)
      case 0..<0x20:
        let hex = String(byte, radix: 16)
        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
      default: out.append(byte)
      }
    }
    out.append(UInt8(ascii: "\""))
  }
}
