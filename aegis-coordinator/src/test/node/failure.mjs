// What a client raised for a call that was meant to fail, or null when it did not fail.
export async function failure(call) {
  try {
    await call();
    return null;
  } catch (e) {
    return {
      status: e.status ?? e.status_code ?? null,
      type: e.type ?? null,
      code: e.code ?? null,
      param: e.param ?? null,
      message: typeof e.error === 'string' ? e.error : e.message,
      name: e.constructor.name,
    };
  }
}
