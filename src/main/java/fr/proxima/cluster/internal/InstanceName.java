package fr.proxima.cluster.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * This instance's name ({@code proxima.cluster.instance}, host and port when not set): in
 * {@code /api/admin/cluster} and as the worker of precompute partitions.
 */
@Component
public class InstanceName {

	private final String name;

	InstanceName(@Value("${proxima.cluster.instance:}") String instance, @Value("${server.port:8080}") String port) {
		this.name = instance.isBlank() ? host() + ":" + port : instance;
	}

	public String get() {
		return name;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "localhost";
		}
	}

}
