// SPDX-License-Identifier: MIT
// tests/headers/header_cxx.cpp - the umbrella header compiles as C++.
#include <annals/annals.h>

int main()
{
    annals_ctx *ctx = nullptr;
    annals_error err = ANNALS_ERROR_INIT;
    if (annals_ctx_new(&ctx, nullptr, &err) == ANNALS_OK) {
        annals_ctx_free(ctx);
    }
    return 0;
}
