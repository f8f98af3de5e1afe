package org.web3torrent.ui.internal.window;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.swing.SwingUtilities;

/**
 * Wraps a service so that every call made on the event dispatch thread is recorded: the window must call
 * the engine and the wallet only from its worker and timer threads. Results that are themselves services
 * of the listed interfaces (a {@code Torrent} from the engine) are wrapped too.
 */
final class OffEdt {
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Class<?>> watched;

    OffEdt(Class<?>... watched) {
        this.watched = List.of(watched);
    }

    @SuppressWarnings("unchecked")
    <T> T watch(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (SwingUtilities.isEventDispatchThread() && method.getDeclaringClass() != Object.class) {
                violations.add(type.getSimpleName() + "." + method.getName());
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return wrap(result);
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object wrap(Object result) {
        if (result == null) {
            return null;
        }
        for (Class<?> type : watched) {
            if (type.isInstance(result)) {
                return watch((Class) type, result);
            }
        }
        if (result instanceof java.util.Optional<?> o && o.isPresent()) {
            return java.util.Optional.of(wrap(o.get()));
        }
        if (result instanceof List<?> list && !list.isEmpty() && watched.stream().anyMatch(t -> t.isInstance(
                list.get(0)))) {
            return list.stream().map(this::wrap).toList();
        }
        return result;
    }

    List<String> violations() {
        return violations;
    }
}
