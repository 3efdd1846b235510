package org.gtt.content;

import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;

/** A flexmark parser factory that needs no ordering against other extensions. */
interface IndependentExtension extends Dependent {
    @Override
    default Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    default Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    default boolean affectsGlobalScope() {
        return false;
    }
}
