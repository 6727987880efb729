// swift-tools-version: 6.0
import PackageDescription

/// Targets are split by what they may touch (DESIGN.md §3):
/// domain (pure) ← storage (SQLite) and XML (libxml2) ← use cases ← CLI.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SelfFormation",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "formation", targets: ["formation"]),
        .library(name: "FormationUseCases", targets: ["FormationUseCases"]),
        // For the libFuzzer package in Fuzz/, which depends on this one by path.
        .library(name: "FormationXML", targets: ["FormationXML"]),
        // For the planning benchmark in Benchmarks/.
        .library(name: "FormationPlanning", targets: ["FormationPlanning"]),
        .library(name: "FormationPlanningSamples", targets: ["FormationPlanningSamples"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Sign-in sheets typed back in: reads per Unicode scalar, CR, LF and CRLF alike.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // The plant's board (`formation serve`, issue 24): HTTP/1.1 server and its testing module.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // The board's pages gzipped for phones on a slow network (zlib, apt: zlib1g-dev).
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    ],
    targets: [
        // Value types and rules. No I/O, no database, no XML.
        .target(name: "FormationDomain", swiftSettings: strict),
        // libxml2, the system library (apt: libxml2-dev).
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // COIN-OR CBC's C interface, the MIP solver of the planner (apt: coinor-libcbc-dev).
        .systemLibrary(
            name: "CCbc",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        // The planner (issue 23): a battle's learning time as an integer program. Domain values in,
        // proposed sessions out; the solver stays behind `internal import`.
        .target(
            name: "FormationPlanning",
            dependencies: ["FormationDomain", "CCbc"],
            swiftSettings: strict
        ),
        // Generated planning instances (small, normal, large) for the tests and the benchmark.
        .target(
            name: "FormationPlanningSamples",
            dependencies: ["FormationPlanning", "FormationDomain"],
            swiftSettings: strict
        ),
        // SQLite's session extension (change log and undo), on the same libsqlite3 GRDB links.
        .systemLibrary(name: "CSQLiteSession"),
        // SQLite adapter over GRDB.
        .target(
            name: "FormationStorage",
            dependencies: ["FormationDomain", "CSQLiteSession", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        // XML adapter: streaming reader with schema validation, canonical writer.
        .target(
            name: "FormationXML",
            dependencies: ["FormationDomain", "CLibXML2"],
            swiftSettings: strict
        ),
        // libsodium (apt: libsodium-dev): Argon2id for facilitator PINs, HMAC and random bytes for the
        // board's cookies. A C library from Debian, so the build compiles no cryptography of its own.
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        // What the tool does, independent of how it is asked.
        .target(
            name: "FormationUseCases",
            dependencies: ["FormationDomain", "FormationStorage", "FormationXML", "FormationPlanning", "CSodium",
                           .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strict
        ),
        // Renderings both faces print: the HTML pages (learning record, battle report) and the words,
        // dates and hours they are made of. Plain values in, text out.
        .target(
            name: "FormationViews",
            dependencies: ["FormationUseCases", "FormationDomain"],
            swiftSettings: strict
        ),
        // The plant's board: routes, pages, the PIN, cookie and CSRF rules. Like the CLI it talks only
        // to use cases (a test holds it to that).
        .target(
            name: "FormationWeb",
            dependencies: [
                "FormationUseCases", "FormationDomain", "FormationViews", "CSodium",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: strict
        ),
        // The CLI: parses, calls use cases, renders the plain values they return. It does not depend
        // on FormationStorage and imports it nowhere (a test holds it to that): views never query.
        .executableTarget(
            name: "formation",
            dependencies: [
                "FormationUseCases", "FormationDomain", "FormationViews", "FormationWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "FormationDomainTests", dependencies: ["FormationDomain"], swiftSettings: strict),
        .testTarget(
            name: "FormationPlanningTests",
            dependencies: ["FormationPlanning", "FormationPlanningSamples", "FormationDomain"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormationStorageTests",
            // FormationXML reads the shipped packs that the JSON column tests hold the codec to.
            dependencies: ["FormationStorage", "FormationDomain", "FormationXML", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormationXMLTests",
            // CLibXML2: the writer is held to libxml2's xmlTextWriter, byte for byte.
            dependencies: ["FormationXML", "FormationDomain", "CLibXML2"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormationUseCasesTests",
            // FormationStorage: an in-memory store, and rows written past the rules to set up conflicts.
            dependencies: ["FormationUseCases", "FormationDomain", "FormationStorage"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormationCLITests",
            // Depends on the executable so that `swift test` builds the binary the tests run.
            dependencies: ["formation", "FormationUseCases", "FormationDomain"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FormationWebTests",
            dependencies: [
                "FormationWeb", "FormationUseCases", "FormationDomain",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
