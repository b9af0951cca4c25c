package io.llmgateway.testing.internal.wire;

import java.math.BigDecimal;

/**
 * A double that prints the way Python's {@code repr(float)} does ({@code 0.0}, {@code 0.004512},
 * {@code 1e-07}), because both real gateways are Python and clients may compare bytes.
 */
public final class PyFloat extends Number {
  private static final long serialVersionUID = 1L;
  private final double value;

  public PyFloat(double value) {
    this.value = value;
  }

  public static PyFloat of(double value) {
    return new PyFloat(value);
  }

  public static PyFloat of(BigDecimal value) {
    return new PyFloat(value.doubleValue());
  }

  @Override
  public int intValue() {
    return (int) value;
  }

  @Override
  public long longValue() {
    return (long) value;
  }

  @Override
  public float floatValue() {
    return (float) value;
  }

  @Override
  public double doubleValue() {
    return value;
  }

  @Override
  public String toString() {
    return repr(value);
  }

  /** Python's float repr: fixed notation for exponents -4..15, otherwise {@code 1.5e-07}. */
  public static String repr(double value) {
    if (value == 0) {
      return (1 / value < 0) ? "-0.0" : "0.0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    String digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - decimal.scale() - 1;
    String sign = value < 0 ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = decimal.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String exp = String.format("%02d", Math.abs(exponent));
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
  }
}
