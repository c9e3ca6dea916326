// QTEST_MAIN for LM Lab's app tests: first the same BLAS kernels as the app (see
// lmlab/blas_kernels.h), so tests that train run at the app's speed, not 2-4x slower on VMs
// whose CPU OpenBLAS does not recognise.
#pragma once

#include "lmlab/blas_kernels.h"

#include <QApplication>
#include <QtTest>

#define LMLAB_QTEST_MAIN(TestObject)          \
  int main(int argc, char** argv) {           \
    lmlab::select_blas_kernels(argv);         \
    QApplication app(argc, argv);             \
    app.setAttribute(Qt::AA_Use96Dpi, true);  \
    TestObject test;                          \
    QTEST_SET_MAIN_SOURCE_PATH                \
    return QTest::qExec(&test, argc, argv);   \
  }
