package fr.proxima.territory;

/** A département and how many communes of it are loaded. */
record DepartementView(String code, String name, long communeCount) {

}
