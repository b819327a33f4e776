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
  ],
  targets: [
    .systemLibrary(
      name: "CNcurses",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    .target(name: "RelayLive", dependencies: ["RelayModel", "CZlib"]),
    .target(
      name: "RelayModel",
      dependencies: [.product(name: "Yams", package: "Yams")]
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
    .testTarget(name: "RelayLiveTests", dependencies: ["RelayLive", "RelayModel"]),
    .testTarget(
      name: "RelayTUITests",
      dependencies: ["RelayTUI", "RelayModel"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
