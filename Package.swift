// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "dms-relay",
  products: [
    .executable(name: "dms-relay", targets: ["RelayTUI"]),
    .library(name: "RelayModel", targets: ["RelayModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // zlib for reading rotated, gzipped mail logs.
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(
      name: "RelayModel",
      dependencies: [.product(name: "Yams", package: "Yams")]
    ),
    // libresolv's MX lookup (res_nquery, ns_initparse) for `check`'s name resolution.
    .systemLibrary(name: "CResolv", path: "Sources/CResolv"),
    // Live network checks: the SMTP client behind `dms-relay check` (SwiftNIO + NIOSSL).
    .target(
      name: "RelayLive",
      dependencies: [
        "RelayModel",
        "CResolv",
        "CZlib",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        .product(name: "NIOTLS", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .executableTarget(
      name: "RelayTUI",
      dependencies: [
        "RelayModel",
        "RelayLive",
        "CNcurses",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(
      name: "RelayModelTests",
      dependencies: ["RelayModel"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "RelayLiveTests",
      dependencies: [
        "RelayLive",
        "RelayModel",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ]
    ),
    .testTarget(
      name: "RelayTUITests",
      dependencies: ["RelayTUI", "RelayModel"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
