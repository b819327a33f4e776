import Foundation
import Testing

@testable import RelayModel

@Suite("UnifiedDiff shows changes like diff -u, secrets redacted")
struct UnifiedDiffTests {
  func diff(_ old: String, _ new: String, name: String = "f.cf", exists: Bool = true, redaction: Redaction = .none) -> String {
    UnifiedDiff.render(old: Array(old.utf8), new: Array(new.utf8), name: name, oldExists: exists, redaction: redaction)
  }

  @Test("equal files give no diff")
  func equal() {
    #expect(diff("a\nb\n", "a\nb\n") == "")
  }

  @Test("one changed line with three lines of context")
  func oneLine() {
    let old = (1...10).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
    #expect(diff(old, new) == """
      --- a/f.cf
      +++ b/f.cf
      @@ -2,7 +2,7 @@
       line 2
       line 3
       line 4
      -line 5
      +line five
       line 6
       line 7
       line 8

      """)
  }

  @Test("changes far apart make two hunks, close ones one")
  func hunks() {
    let old = (1...20).map { "\($0)\n" }.joined()
    var lines = (1...20).map { "\($0)\n" }
    lines[1] = "two\n"
    lines[17] = "eighteen\n"
    let two = diff(old, lines.joined())
    #expect(two.components(separatedBy: "\n@@").count == 3)
    #expect(two.contains("@@ -1,5 +1,5 @@"))
    #expect(two.contains("@@ -15,6 +15,6 @@"))
    lines = (1...20).map { "\($0)\n" }
    lines[1] = "two\n"
    lines[8] = "nine\n"
    #expect(diff(old, lines.joined()).components(separatedBy: "\n@@").count == 2)
  }

  @Test("appending to an empty file and creating a new file")
  func appendAndCreate() {
    #expect(diff("", "x\n") == "--- a/f.cf\n+++ b/f.cf\n@@ -0,0 +1 @@\n+x\n")
    #expect(diff("", "x\n", exists: false) == "--- /dev/null\n+++ b/f.cf\n@@ -0,0 +1 @@\n+x\n")
  }

  @Test("a missing final newline is shown, and terminating a line is a change")
  func noFinalNewline() {
    #expect(diff("a\nb", "a\nb\nc\n") == """
      --- a/f.cf
      +++ b/f.cf
      @@ -1,2 +1,3 @@
       a
      -b
      \\ No newline at end of file
      +b
      +c

      """)
  }

  @Test("CRLF is visible as ␍, so an LF-for-CRLF change is not invisible")
  func crlf() {
    #expect(diff("a\r\nb\r\n", "a\r\nb\n") == "--- a/f.cf\n+++ b/f.cf\n@@ -1,2 +1,2 @@\n a\u{240D}\n-b\u{240D}\n+b\n")
  }

  @Test("invalid UTF-8 is shown as U+FFFD without crashing")
  func invalidUTF8() {
    let out = UnifiedDiff.render(old: [0x41, 0x0A], new: [0x41, 0x0A, 0xFF, 0x0A], name: "x")
    #expect(out.hasSuffix("+\u{FFFD}\n"))
  }

  @Test("sasl redaction hides everything after the user's ':' (a changed password still shows)")
  func saslRedaction() {
    let out = diff("@a.test u:old\r\n# @b.test v:commented\n", "@a.test u:new\r\n# @b.test v:commented\n",
                   name: "postfix-sasl-password.cf", redaction: .saslPasswords)
    #expect(out == """
      --- a/postfix-sasl-password.cf
      +++ b/postfix-sasl-password.cf
      @@ -1,2 +1,2 @@
      -@a.test u:<redacted>\u{240D}
      +@a.test u:<redacted>\u{240D}   (password changed)
       # @b.test v:<redacted>

      """)
    #expect(!out.contains("old") && !out.contains("new") && !out.contains("commented"))
  }

  @Test("env redaction hides RELAY_PASSWORD and SASL_PASSWD values only")
  func envRedaction() {
    let out = diff("RELAY_USER=u\nRELAY_PASSWORD=hunter2\n", "RELAY_USER=u\nRELAY_PASSWORD=swordfish\n#SASL_PASSWD=k u:p\n",
                   name: "mailserver.env", redaction: .envFile)
    #expect(out.contains("-RELAY_PASSWORD=<redacted>\n+RELAY_PASSWORD=<redacted>   (password changed)\n+#SASL_PASSWD=<redacted>\n"))
    #expect(out.contains(" RELAY_USER=u\n"))
    #expect(!out.contains("hunter2") && !out.contains("swordfish") && !out.contains("u:p"))
  }

  @Test("Redaction.forFile picks by name")
  func forFile() {
    let line = Array("@a u:secret".utf8)
    #expect(Redaction.forFile(named: "postfix-sasl-password.cf").redact(line) == Array("@a u:<redacted>".utf8))
    #expect(Redaction.forFile(named: "postfix-relaymap.cf").redact(line) == line)
    #expect(Redaction.forFile(named: "mailserver.env").redact(Array("RELAY_PASSWORD=x".utf8)) == Array("RELAY_PASSWORD=<redacted>".utf8))
  }

  @Test("the edit script turns old into new (property over generated files)", arguments: 0..<30)
  func scriptIsCorrect(seed: Int) {
    var rng = SeededGenerator(seed: UInt64(seed) &+ 1000)
    let pool = Array(GeneratedFiles.anyLines.prefix(12))
    let a = TextDocument(bytes: GeneratedFiles.file(from: pool, lines: Int.random(in: 0...40, using: &rng), crlfRate: 0.2, using: &rng)).lines
    let b = TextDocument(bytes: GeneratedFiles.file(from: pool, lines: Int.random(in: 0...40, using: &rng), crlfRate: 0.2, using: &rng)).lines
    var rebuilt: [Line] = []
    var oldSeen: [Int] = []
    for op in UnifiedDiff.operations(a, b) {
      switch op {
      case .equal(let o, let n):
        #expect(a[o] == b[n])
        rebuilt.append(b[n]); oldSeen.append(o)
      case .insert(let n): rebuilt.append(b[n])
      case .delete(let o): oldSeen.append(o)
      }
    }
    #expect(rebuilt == b)
    #expect(oldSeen == Array(a.indices))
  }

  /// Bounds, not benchmarks: alone this takes about 0.3 s in a debug build, and a diff
  /// quadratic in the lines would take minutes. The bounds leave room for two cores shared
  /// with the rest of the suite.
  @Test("100 000-line files with a few edits diff in linear time, not quadratic")
  func large() {
    var old = ""
    for i in 0..<100_000 { old += "@domain\(i).test [relay\(i % 7).test]:587\n" }
    var lines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    lines[10] = "changed"
    lines[50_000] = "changed too"
    lines.insert("inserted", at: 99_000)
    let new = lines.joined(separator: "\n")
    let clock = ContinuousClock()
    var out = ""
    let elapsed = clock.measure { out = diff(old, new) }
    #expect(elapsed < .seconds(10))
    #expect(out.components(separatedBy: "\n@@").count == 4)
    // Completely different files still finish.
    let other = (0..<5_000).map { "x\($0)\n" }.joined()
    let different = (0..<5_000).map { "y\($0)\n" }.joined()
    let elapsed2 = clock.measure { out = diff(other, different) }
    #expect(elapsed2 < .seconds(20))
    #expect(out.contains("@@ -1,5000 +1,5000 @@"))
  }
}
