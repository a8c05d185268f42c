type Constructor<T> = abstract new (...args: never[]) => T;

/** True when each of the two types is assignable to the other. */
type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The properties in which a response class and its view differ (missing, extra, or of another type). */
type Differences<Response, View> = {
  [K in keyof Response | keyof View]: K extends keyof Response
    ? K extends keyof View
      ? SameShape<Response[K], View[K]> extends true
        ? never
        : K
      : K
    : K;
}[keyof Response | keyof View];

/**
 * Declares the view a response class documents, and has the compiler hold the two to the same
 * shape in both directions: a property added, removed, renamed, retyped or made nullable in the
 * view fails `npm run check` until the class that documents it follows. (`implements` alone
 * would let the class document fewer nulls or more properties than the view has.)
 */
export function Describes<View>() {
  return <C extends Constructor<View>>(
    target: SameShape<InstanceType<C>, View> extends true
      ? C
      : { readonly responseDiffersFromView: Differences<InstanceType<C>, View> },
  ): void => {
    void target;
  };
}
