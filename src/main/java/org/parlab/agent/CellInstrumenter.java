package org.parlab.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the classes JShell compiles from cells (package {@code REPL}) as they load: a call of
 * {@link Stop#check()} at every method's entry and before every backward jump, and {@link Stop}'s replacements
 * for {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}. No other class is touched.
 *
 * <p>The inserted call takes nothing from the operand stack and leaves nothing on it, so the stack map frames
 * javac wrote stay valid. A class that cannot be rewritten loads unchanged: a transformer must never break loading.
 */
public final class CellInstrumenter implements ClassFileTransformer {
    static final String STOP = "org/parlab/agent/Stop";

    /** Whether a class (internal name, e.g. {@code REPL/$JShell$12}) was compiled from a cell. */
    static boolean isCellClass(String internalName) {
        return internalName != null && internalName.startsWith("REPL/");
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined, ProtectionDomain domain,
            byte[] classfile) {
        if (loader == null || !isCellClass(className)) {
            return null;
        }
        try {
            return instrument(classfile);
        } catch (Throwable e) { // leave the class as it is
            return null;
        }
    }

    /** The class with stop checks and exit replacements. */
    public static byte[] instrument(byte[] classfile) {
        if (classfile == null) {
            throw new IllegalArgumentException("classfile must not be null");
        }
        ClassReader reader = new ClassReader(classfile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
                return mv == null || !hasCode ? mv : new StopChecks(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class StopChecks extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();

        StopChecks(MethodVisitor mv) {
            super(Opcodes.ASM9, mv);
        }

        private void check() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP, "check", "()V", false);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            check();
        }

        @Override
        public void visitLabel(Label label) {
            super.visitLabel(label);
            seen.add(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) { // a label already passed: a backward jump, a loop's back-edge
                check();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if ("(I)V".equals(descriptor)) {
                if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System") && name.equals("exit")) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP, "exit", "(I)V", false);
                    return;
                }
                if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                        && (name.equals("exit") || name.equals("halt"))) {
                    String replacement = name.equals("exit") ? "runtimeExit" : "runtimeHalt";
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, STOP, replacement, "(Ljava/lang/Runtime;I)V", false);
                    return;
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
    }
}
