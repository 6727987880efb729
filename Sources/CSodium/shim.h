#ifndef SELFFORMATION_CSODIUM_SHIM_H
#define SELFFORMATION_CSODIUM_SHIM_H
// libsodium from Debian (libsodium-dev): Argon2id password hashing (crypto_pwhash_str),
// HMAC-SHA-512-256 (crypto_auth) and the system's random bytes.
#include <sodium.h>
#endif
